using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Contracts.Accengage;
using Contracts.Core;
using Contracts.Engage;
using Contracts.Sandbox.Accengage;
using Contracts.Sandbox.Engage;

namespace Contracts.Sandbox.Tests;

/// <summary>
/// <see cref="SandboxOptions.DocumentVariants"/>: the simulators answer in the other forms the vendor documents show,
/// and every read operation of the clients reads the same values from them as from the contracts' main forms.
/// </summary>
public sealed partial class DocumentVariantsTests
{
    private const string P = "myPartnerId";

    private static readonly JsonSerializerOptions ReadJson = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [Fact]
    public async Task Accengage_reads_the_same_values_from_the_documents_alternative_forms()
    {
        AssertSameReads(await ReadAccengageAsync(documentVariants: false), await ReadAccengageAsync(documentVariants: true));
    }

    [Fact]
    public async Task Accengage_answers_in_the_alternative_forms()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { DocumentVariants = true });
        using var http = new HttpClient { BaseAddress = sandbox.AccengageBaseUrl };
        var wire = new AccengageWire(http, () => DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        using var client = sandbox.CreateAccengageClient();
        await PrepareAsync(client);
        var token = await wire.TokenAsync();

        var campaign = await wire.CallAsync(HttpMethod.Get, $"{AccengageWire.App}/campaigns/{AccengageDemoAccount.CampaignId}", token: token);
        Assert.Matches(SpacedDate(), campaign.Body.GetProperty("startDate").GetString()!);
        var list = await wire.CallAsync(HttpMethod.Get, $"{AccengageWire.App}/campaigns", token: token);
        Assert.False(list.Body.TryGetProperty("links", out _));
        Assert.Equal(JsonValueKind.Array, list.Body.GetProperty("link").ValueKind);
        var exclusions = await wire.CallAsync(HttpMethod.Get, $"{AccengageWire.App}/messages/{AccengageDemoAccount.MessageId}/schedules/exclusions", token: token);
        Assert.Equal(JsonValueKind.Object, exclusions.Body.ValueKind);
        var missing = await wire.CallAsync(HttpMethod.Get, $"{AccengageWire.App}/campaigns/999999", token: token);
        Assert.Equal((404, JsonValueKind.Array), (missing.Status, missing.Body.ValueKind));
        using (var csv = await wire.SendAsync(HttpMethod.Get, $"{AccengageWire.App}/devices?fields[]=UDID&fields[]=IDFA", token: token))
            Assert.StartsWith(AccengageDemoAccount.DeviceUdid + ";", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        sandbox.Accengage.ExpireCredentials();
        var expired = await wire.CallAsync(HttpMethod.Get, "v1/me", token: token);
        Assert.Equal((400, "API_ERR_TOKEN"), (expired.Status, expired.Body[0].GetProperty("label").GetString()));
    }

    [Fact]
    public async Task Engage_reads_the_same_values_from_the_documents_alternative_forms()
    {
        AssertSameReads(await ReadEngageAsync(documentVariants: false), await ReadEngageAsync(documentVariants: true));
    }

    /// <summary>What the examples need beyond the demo account: a schedule, one exclusion, an urlscheme button.</summary>
    private static async Task<long> PrepareAsync(AccengageClient client)
    {
        var start = new DateTimeOffset(2031, 1, 1, 9, 0, 0, TimeSpan.FromHours(1));
        await client.CreateScheduleAsync(P, AccengageDemoAccount.MessageId, new Schedule { NextSendingDate = start.AddDays(2), StartDate = start, EndDate = start.AddDays(30) });
        await client.CreateScheduleExclusionAsync(P, AccengageDemoAccount.MessageId, new ScheduleExclusion { Type = "DAYS", Days = "[1,3]" });
        var message = new Message { CampaignId = AccengageDemoAccount.CampaignId, ExternalId = "Variants-01", Messages = [new PushMessage { Title = "Open", Text = "Open the app", Buttons = [new PushButton { KnownAction = ButtonAction.Urlscheme }] }] };
        return (await client.CreateMessageAsync(P, message)).Id!.Value;
    }

    /// <summary>Every read operation of the Accengage client, each result as JSON, by operation.</summary>
    private static async Task<Dictionary<string, string>> ReadAccengageAsync(bool documentVariants)
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { DocumentVariants = documentVariants });
        using var client = sandbox.CreateAccengageClient();
        var messageId = await PrepareAsync(client);
        const long campaign = AccengageDemoAccount.CampaignId, message = AccengageDemoAccount.MessageId;
        var reads = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task Read(string name, Func<Task<object?>> read)
        {
            // The document spells this one action two ways; the contract lists both, so either is the same action.
            reads[name] = Instants(await OutcomeAsync(read)).Replace("\"urlsheme\"", "\"urlscheme\"", StringComparison.Ordinal);
        }

        await Read("GetMe", async () => await client.GetMeAsync());
        await Read("EnumerateCampaigns", async () => await client.EnumerateCampaignsAsync().ToListAsync());
        await Read("GetCampaign", async () => await client.GetCampaignAsync(P, campaign));
        await Read("GetCampaign unknown", async () => await client.GetCampaignAsync(P, 999_999));
        await Read("EnumerateMessages", async () => await client.EnumerateMessagesAsync().ToListAsync());
        await Read("GetMessage", async () => await client.GetMessageAsync(P, messageId));
        await Read("EnumerateMessageActions", async () => await client.EnumerateMessageActionsAsync(message).ToListAsync());
        await Read("GetSchedule", async () => await client.GetScheduleAsync(P, message));
        await Read("ListScheduleExclusions", async () => await client.ListScheduleExclusionsAsync(P, message));
        await Read("EnumerateDevices fields", async () => (await client.EnumerateDevicesAsync(["UDID", "IDFA", "lastOpen"]).ToListAsync()).Select(d => d.Fields));
        await Read("EnumerateDevices", async () => (await client.EnumerateDevicesAsync().ToListAsync()).Select(d => d.Fields));
        await Read("SearchDevice", async () => await client.SearchDeviceAsync(P, new Dictionary<string, string> { ["UDID"] = AccengageDemoAccount.DeviceUdid }));
        await Read("SearchDevice unknown", async () => await client.SearchDeviceAsync(P, new Dictionary<string, string> { ["UDID"] = "A" }));
        await Read("EnumerateStaticLists", async () => await client.EnumerateStaticListsAsync().ToListAsync());
        await Read("EnumerateStaticListDevices", async () => await client.EnumerateStaticListDevicesAsync(AccengageDemoAccount.StaticListId).ToListAsync());
        await Read("EnumerateCampaignClicks", async () => await client.EnumerateCampaignClicksAsync(campaign).ToListAsync());
        await Read("EnumerateCampaignTargets", async () => await client.EnumerateCampaignTargetsAsync(campaign).ToListAsync());
        await Read("EnumerateMessageClicks", async () => await client.EnumerateMessageClicksAsync(message).ToListAsync());
        await Read("EnumerateMessageTargets", async () => await client.EnumerateMessageTargetsAsync(message).ToListAsync());
        await Read("EnumerateStats", async () => await client.EnumerateStatsAsync().ToListAsync());
        await Read("EnumerateGeofences", async () => await client.EnumerateGeofencesAsync().ToListAsync());
        await Read("EnumerateBeacons", async () => await client.EnumerateBeaconsAsync().ToListAsync());
        await Read("EnumerateGeogroups", async () => await client.EnumerateGeogroupsAsync().ToListAsync());
        await Read("EnumerateInApps", async () => await client.EnumerateInAppsAsync().ToListAsync());
        await Read("EnumerateAlarms", async () => await client.EnumerateAlarmsAsync().ToListAsync());
        await Read("GetAlarm", async () => await client.GetAlarmAsync(P, AccengageDemoAccount.AlarmId));
        sandbox.Accengage.ExpireCredentials();
        await Read("GetMe after the token expired", async () => await client.GetMeAsync());
        await Read("Token requests", () => Task.FromResult<object?>(sandbox.Accengage.TokenRequests));
        return reads;
    }

    /// <summary>Every answer the ENGAGE client reads: health, push outcomes, refusals, each as JSON.</summary>
    private static async Task<Dictionary<string, string>> ReadEngageAsync(bool documentVariants)
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { DocumentVariants = documentVariants });
        using var client = sandbox.CreateEngageClient();
        var reads = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task Read(string name, Func<Task<object?>> read)
        {
            // Request IDs are new on every answer; what is compared is what the client read of the rest.
            reads[name] = RequestId().Replace(JsonSerializer.Serialize(await OutcomeAsync(read), ReadJson), "\"requestId\":\"…\"");
        }
        Destination[] one = [new() { BNumber = "+15550100001" }];

        await Read("CheckTokenHealth", async () => await client.CheckTokenHealthAsync());
        await Read("Push", async () => await client.PushAsync(EngagePush.FromANumberGroup(EngageSandboxOptions.DemoProgram, EngageSandboxOptions.DemoANumberGroup), one));
        await Read("Push aNumbers not allowed", async () => await client.PushAsync(EngagePush.FromANumbers(EngageSandboxOptions.DemoProgram, ["+15559999999"]), one));
        await Read("Push unknown program", async () => await client.PushAsync(EngagePush.FromANumbers(Guid.Parse("00000000-0000-4000-8000-000000000001"), ["+5014008029"]), one));
        using var refused = new EngageClient(new EngageClientOptions { BaseUrl = sandbox.EngageBaseUrl, ClientId = "sandbox-client", ClientSecret = "wrong" });
        await Read("Token refused", async () => await refused.CheckTokenHealthAsync());
        return reads;
    }

    private static void AssertSameReads(Dictionary<string, string> main, Dictionary<string, string> variants)
    {
        Assert.Equal(main.Keys, variants.Keys);
        Assert.All(main, read => Assert.Equal(read.Value, variants[read.Key]));
    }

    /// <summary>The value read, or what the typed error carries.</summary>
    private static async Task<object?> OutcomeAsync(Func<Task<object?>> read)
    {
        try
        {
            return await read();
        }
        catch (VendorApiException error)
        {
            var labels = (error as AccengageException)?.Errors.Select(e => e.Label);
            return new { Type = error.GetType().Name, error.StatusCode, error.ErrorCode, error.VendorMessage, Labels = labels };
        }
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")]
    private static partial Regex SpacedDate();

    [GeneratedRegex("\"requestId\":\"[^\"]*\"", RegexOptions.IgnoreCase)]
    private static partial Regex RequestId();

    /// <summary>
    /// The result as JSON with every date-time written as its instant in UTC: the spaced form carries no offset (it is
    /// read as UTC), so the instant is the value both forms share.
    /// </summary>
    private static string Instants(object? value)
    {
        var json = JsonSerializer.SerializeToNode(value, ReadJson);
        Normalise(json);
        return json?.ToJsonString() ?? "null";

        static void Normalise(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, member) in obj.ToList())
                    {
                        if (member is JsonValue v && v.TryGetValue<string>(out var text) && text.Contains('T', StringComparison.Ordinal)
                            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
                            obj[name] = instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
                        else
                            Normalise(member);
                    }
                    break;
                case JsonArray array:
                    foreach (var item in array)
                        Normalise(item);
                    break;
            }
        }
    }
}
