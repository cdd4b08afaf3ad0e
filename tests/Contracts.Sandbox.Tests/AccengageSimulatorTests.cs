using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Contracts.Accengage;
using Contracts.Core;
using Contracts.Sandbox.Accengage;
using Microsoft.Extensions.Time.Testing;

namespace Contracts.Sandbox.Tests;

/// <summary>The simulated Accengage answers as its document and contract say, for raw HTTP and for the SDK alike.</summary>
public sealed class AccengageSimulatorTests : IAsyncLifetime
{
    private const string App = AccengageWire.App;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private SandboxServer _sandbox = null!;
    private HttpClient _http = null!;
    private AccengageWire _wire = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions { TimeProvider = _time });
        _http = new HttpClient { BaseAddress = _sandbox.AccengageBaseUrl };
        _wire = new AccengageWire(_http, () => _time.GetUtcNow().ToUnixTimeSeconds());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    private AccengageClient Client(Action<AccengageClientOptions>? configure = null)
    {
        var options = _sandbox.CreateAccengageClientOptions();
        configure?.Invoke(options);
        return new AccengageClient(options, transport: null, timeProvider: _time);
    }

    // Signed headers

    [Fact]
    public async Task The_contracts_example_signatures_are_accepted_at_their_own_time()
    {
        // accengage.openapi.yaml: API key a1b2c3d4e5f6g7h8 at 1507722391 signs the token request as f974f730...
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { TimeProvider = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1507722391)) });
        using var http = new HttpClient { BaseAddress = sandbox.AccengageBaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/access_token") { Content = new StringContent("""{"email":"mymail@client.com"}""", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Accengage-Time", "1507722391");
        request.Headers.Add("Accengage-Signature", "f974f730586ce2bf49a276845060a8d38bb43770");
        using var answer = await http.SendAsync(request);
        var token = (await AccengageWire.ReadAsync(answer)).GetProperty("access_token").GetString();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        // ... and a GET (no body) as ba04fc72...
        using var me = new HttpRequestMessage(HttpMethod.Get, "v1/me");
        me.Headers.Add("Accengage-Time", "1507722391");
        me.Headers.Add("Accengage-Signature", "ba04fc7206950ce63d78ddbc9e65c48fb96e54d7");
        me.Headers.Add("Authorization", $"Bearer {token}");
        using var welcome = await http.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, welcome.StatusCode);
        Assert.Equal("text/plain", welcome.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Welcome", await welcome.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string?, long, string?> BadSignatures => new()
    {
        // description, signing key (null: right key), time offset in seconds, signed body (null: the body sent)
        { "wrong API key", "not-the-key", 0, null },
        { "signature over other bytes than the ones sent", null, 0, """{"email":"someone@else.com"}""" },
        { "time 16 hours old", null, -16 * 3600, null },
        { "time 16 hours ahead", null, 16 * 3600, null },
    };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task Bad_signatures_are_refused_with_400_API_ERR_SIGNATURE(string why, string? key, long offset, string? signedBody)
    {
        using var answer = await _wire.SendAsync(HttpMethod.Post, "v1/access_token", """{"email":"mymail@client.com"}""", token: null, key: key,
            time: _time.GetUtcNow().ToUnixTimeSeconds() + offset, signedBody: signedBody);

        Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.Equal("API_ERR_SIGNATURE", AccengageWire.Error(await AccengageWire.ReadAsync(answer)).Label);
        Assert.Equal(1, _sandbox.Accengage.SignatureRefusals);
        Assert.Equal(0, _sandbox.Accengage.TokenRequests);
    }

    [Fact]
    public async Task Local_time_within_the_window_is_accepted()
    {
        // "either your local time or UTC time": a clock 14 hours ahead (UTC+14) still signs validly.
        using var answer = await _wire.SendAsync(HttpMethod.Post, "v1/access_token", """{"email":"mymail@client.com"}""", token: null, time: _time.GetUtcNow().ToUnixTimeSeconds() + 14 * 3600);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task Missing_signed_headers_are_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/me");
        using var answer = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var (label, message) = AccengageWire.Error(await AccengageWire.ReadAsync(answer));
        Assert.Equal("API_ERR_SIGNATURE", label);
        Assert.Contains("Accengage-Signature", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_object_body_may_be_signed_as_no_body()
    {
        using var answer = await _wire.SendAsync(HttpMethod.Put, $"{App}/devices/{AccengageDemoAccount.DeviceUdid}", "{}", signedBody: "");
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
    }

    [Fact]
    public async Task The_sdk_with_a_wrong_api_key_gets_a_token_error_naming_API_ERR_SIGNATURE()
    {
        using var client = Client(o => o.ApiKey = "wrong-key");

        var error = await Assert.ThrowsAsync<AccessTokenException>(() => client.GetMeAsync());

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("API_ERR_SIGNATURE", error.ErrorCode);
        Assert.DoesNotContain("wrong-key", error.ToString(), StringComparison.Ordinal);
    }

    // Access tokens

    [Fact]
    public async Task Token_refusals_answer_403_400_and_401_as_documented()
    {
        var (noToken, noTokenBody) = await _wire.CallAsync(HttpMethod.Get, "v1/me", token: null);
        Assert.Equal((403, "API_ERR_TOKEN"), (noToken, AccengageWire.Error(noTokenBody).Label));

        var (unknown, unknownBody) = await _wire.CallAsync(HttpMethod.Get, "v1/me", token: "never-issued");
        Assert.Equal((400, "API_ERR_TOKEN"), (unknown, AccengageWire.Error(unknownBody).Label));

        var token = await _wire.TokenAsync();
        Assert.Equal(200, (await _wire.CallAsync(HttpMethod.Get, $"{App}/campaigns/91", token: token)).Status);
        _time.Advance(TimeSpan.FromHours(24));
        var (expired, expiredBody) = await _wire.CallAsync(HttpMethod.Get, $"{App}/campaigns/91", token: token);
        Assert.Equal((401, "API_ERR_TOKEN"), (expired, AccengageWire.Error(expiredBody).Label));
    }

    [Fact]
    public async Task Unknown_user_and_malformed_token_requests_are_refused()
    {
        var (unknownUser, body) = await _wire.CallAsync(HttpMethod.Post, "v1/access_token", """{"email":"nobody@client.com"}""", token: null);
        Assert.Equal(404, unknownUser);
        Assert.Equal("API_ERR_DATA", AccengageWire.Error(body).Label);

        Assert.Equal(400, (await _wire.CallAsync(HttpMethod.Post, "v1/access_token", """{"mail":"mymail@client.com"}""", token: null)).Status);
    }

    [Fact]
    public async Task The_sdk_refreshes_once_when_tokens_expire_server_side()
    {
        using var client = Client();
        Assert.Equal("Welcome", await client.GetMeAsync());
        _sandbox.Accengage.ExpireCredentials();

        Assert.Equal("Welcome", await client.GetMeAsync());
        Assert.Equal(2, _sandbox.Accengage.TokenRequests);
    }

    // Paging

    [Fact]
    public async Task Lists_page_by_100_with_link_header_and_links_field_and_no_next_on_the_last_page()
    {
        var token = await _wire.TokenAsync();
        using var first = await _wire.SendAsync(HttpMethod.Get, $"{App}/campaigns", token: token);
        var firstBody = await AccengageWire.ReadAsync(first);
        Assert.Equal(100, firstBody.GetProperty("campaigns").GetArrayLength());
        Assert.Equal(1, firstBody.GetProperty("campaigns")[0].GetProperty("id").GetInt64());
        var link = string.Join(",", first.Headers.GetValues("Link"));
        Assert.Matches("""^<http://127\.0\.0\.1:\d+/accengage/v1/me/apps/myPartnerId/campaigns\?page=1>; rel="first", <[^>]+\?page=2>; rel="next"$""", link);
        Assert.EndsWith("/accengage/v1/me/apps/myPartnerId/campaigns?page=2", firstBody.GetProperty("links").GetProperty("next").GetString(), StringComparison.Ordinal);
        Assert.False(firstBody.GetProperty("links").TryGetProperty("prev", out _));

        using var last = await _wire.SendAsync(HttpMethod.Get, $"{App}/campaigns?page=3", token: token);
        var lastBody = await AccengageWire.ReadAsync(last);
        Assert.Equal(50, lastBody.GetProperty("campaigns").GetArrayLength());
        Assert.Matches("""^<[^>]+\?page=1>; rel="first", <[^>]+\?page=2>; rel="prev"$""", string.Join(",", last.Headers.GetValues("Link")));
        Assert.False(lastBody.GetProperty("links").TryGetProperty("next", out _));

        foreach (var outside in new[] { "0", "4" })
        {
            var (status, empty) = await _wire.CallAsync(HttpMethod.Get, $"{App}/campaigns?page={outside}", token: token);
            Assert.Equal(200, status);
            Assert.Equal(0, empty.GetProperty("campaigns").GetArrayLength());
        }
        Assert.Equal(400, (await _wire.CallAsync(HttpMethod.Get, $"{App}/campaigns?page=two", token: token)).Status);
    }

    [Fact]
    public async Task Next_links_repeat_the_query_and_the_sdk_follows_them_to_the_end()
    {
        var token = await _wire.TokenAsync();
        using var page = await _wire.SendAsync(HttpMethod.Get, $"{App}/campaigns/91/clicks?data%5B%5D=clientId&startDate=2015-01-01", token: token);
        var next = (await AccengageWire.ReadAsync(page)).GetProperty("links").GetProperty("next").GetString()!;
        Assert.EndsWith("/campaigns/91/clicks?data%5B%5D=clientId&startDate=2015-01-01&page=2", next, StringComparison.Ordinal);

        using var client = Client();
        Assert.Equal(AccengageDemoAccount.CampaignCount, await client.EnumerateCampaignsAsync().CountAsync());
        Assert.Equal(AccengageDemoAccount.MessageCount, await client.EnumerateMessagesAsync().CountAsync());
        var clicks = await client.EnumerateCampaignClicksAsync(AccengageDemoAccount.CampaignId, data: ["clientId"]).ToListAsync();
        Assert.Equal(150, clicks.Count);
        Assert.Equal("123456", clicks[0].Data!["clientId"]?.ToString());
        Assert.Equal(50, await client.EnumerateMessageTargetsAsync(AccengageDemoAccount.MessageId).CountAsync());
        Assert.Equal(5, await client.EnumerateMessagesAsync(externalId: "PushCampaign2017%").CountAsync());
    }

    [Fact]
    public async Task The_csv_device_list_pages_by_link_header_with_the_requested_columns()
    {
        var token = await _wire.TokenAsync();
        using var page = await _wire.SendAsync(HttpMethod.Get, $"{App}/devices?fields%5B%5D=UDID&fields%5B%5D=IDFA&firstOpen=2014-01-01%7C2014-07-01", token: token);
        Assert.Equal("text/csv", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            "UDID;IDFA\nF31548D3-F93E-498F-8E01-F18CC4EB2F5F;6D92078A-8246-4BA4-AE5B-76104861E7DC\n1A2B3C4D-5E6F-7A8B-9C0D-1E2F3A4B5C6D;AB5F2C3D-1E2F-4A5B-8C9D-0E1F2A3B4C5D\n0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0;\n",
            await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("rel=\"next\"", string.Join(",", page.Headers.GetValues("Link")), StringComparison.Ordinal);

        var (status, body) = await _wire.CallAsync(HttpMethod.Get, $"{App}/devices?fields%5B%5D=IDFB", token: token);
        Assert.Equal((400, "API_ERR_DATA"), (status, AccengageWire.Error(body).Label));
    }

    [Fact]
    public async Task The_sdk_streams_every_device_over_many_csv_pages()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Accengage = { DevicePageSize = 7 } });
        using var client = sandbox.CreateAccengageClient();

        var udids = await client.EnumerateDevicesAsync(fields: ["UDID", "clientId"]).Select(d => d.Udid).ToListAsync();

        Assert.Equal(AccengageDemoAccount.DeviceCount, udids.Count);
        Assert.Equal(AccengageDemoAccount.DeviceCount, udids.Distinct().Count());
        Assert.Equal(AccengageDemoAccount.DeviceUdid, udids[0]);
    }

    // Create, then get

    [Fact]
    public async Task Created_resources_can_be_read_back_updated_and_deleted()
    {
        using var client = Client();
        var campaignId = (await client.CreateCampaignAsync("myPartnerId", new Campaign { Name = "Winter sales" })).Id!.Value;
        Assert.Equal("Winter sales", (await client.GetCampaignAsync("myPartnerId", campaignId)).Name);
        await client.UpdateCampaignAsync("myPartnerId", campaignId, new Campaign { Name = "Winter sales 2" });
        Assert.Equal("Winter sales 2", (await client.GetCampaignAsync("myPartnerId", campaignId)).Name);

        var messageId = (await client.CreateMessageAsync("myPartnerId", new Message { CampaignId = campaignId, ExternalId = "Winter-01", Messages = [new PushMessage { Title = "Winter", Text = "Cold deals" }] })).Id!.Value;
        var message = await client.GetMessageAsync("myPartnerId", messageId);
        Assert.Equal("Winter-01", message.ExternalId);
        Assert.Equal("Cold deals", message.Messages!.Single().Text);

        await client.DeleteCampaignAsync("myPartnerId", campaignId);
        var gone = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(() => client.DeleteCampaignAsync("myPartnerId", campaignId));
        Assert.Equal(404, gone.StatusCode);

        var inAppId = (await client.CreateInAppAsync("myPartnerId", new InApp { ExternalId = "promo-banner", Name = "Promo", Messages = [new InAppMessage { Template = new InAppTemplate { TemplateValue = "banner_default" } }] })).Id!.Value;
        Assert.Equal(inAppId, (await client.GetInAppByExternalIdAsync("myPartnerId", "promo-banner")).Id);

        var geofenceId = (await client.CreateGeofenceAsync("myPartnerId", new Geofence { Info = new GeoInfo { AdditionalProperties = { ["name"] = "Nantes store" } } })).Id!.Value;
        Assert.Equal("Nantes store", (await client.GetGeofenceAsync("myPartnerId", geofenceId)).Info.AdditionalProperties["name"]?.ToString());
    }

    public static TheoryData<string, int, string> UnknownOrInvalid => new()
    {
        { "campaigns/999", 404, "Campaign 999 not found" },
        { "campaigns/cmp", 400, "Invalid ID cmp" },
        { "messages/2", 404, "Message 2 not found" },
        { "inapps/9", 404, "Type, application and message ID mismatch" },
        { "alarms/123458", 404, "Type, application and message ID mismatch" },
        { "alarms/external/nope", 404, "Type, application and message ID mismatch" },
        { "geofences/405", 404, "Resource not found" },
        { "beacons/405", 404, "Resource not found" },
        { "messages/2/schedules", 404, "Message 2 not found" },
        { "messages/2157/schedules", 404, "No schedule for messageId 2157" },
        { "campaigns/999/clicks", 404, "Campaign 999 not found" },
        { "devices/search/by?UDID=A404", 404, "No result found" },
        { "devices/search/by?nonIndexedField=1", 400, "Field nonIndexedField is not indexed" },
        { "devices/search/by", 400, "No filter given" },
    };

    [Theory]
    [MemberData(nameof(UnknownOrInvalid))]
    public async Task Unknown_and_invalid_ids_answer_the_documented_error_body(string route, int status, string message)
    {
        var (actual, body) = await _wire.CallAsync(HttpMethod.Get, $"{App}/{route}");
        Assert.Equal(status, actual);
        Assert.Equal(("API_ERR_DATA", message), AccengageWire.Error(body));
    }

    [Fact]
    public async Task Unknown_apps_are_forbidden_and_misspelt_routes_are_404()
    {
        var (forbidden, body) = await _wire.CallAsync(HttpMethod.Get, "v1/me/apps/notMine/campaigns");
        Assert.Equal((403, "API_ERR_FORBIDDEN"), (forbidden, AccengageWire.Error(body).Label));

        var (misspelt, misspeltBody) = await _wire.CallAsync(HttpMethod.Post, "v1/acess_token", """{"email":"mymail@client.com"}""", token: null);
        Assert.Equal((404, "API_ERR_DATA"), (misspelt, AccengageWire.Error(misspeltBody).Label));
    }

    [Fact]
    public async Task Status_routes_answer_200_on_change_and_204_when_already_so()
    {
        using var client = Client();
        await client.SetAlarmStatusAsync("myPartnerId", AccengageDemoAccount.AlarmId, new ActivationStatus { IsActive = true });
        Assert.True((await client.GetAlarmByExternalIdAsync("myPartnerId", "my-alarm")).IsActive);

        var (status, _) = await _wire.CallAsync(HttpMethod.Put, $"{App}/alarms/external/my-alarm/status", """{"isActive":true}""");
        Assert.Equal(204, status);
    }

    [Fact]
    public async Task Validation_failures_answer_as_documented()
    {
        Assert.Equal(("API_ERR_DATA", "Missing info object"), AccengageWire.Error((await _wire.CallAsync(HttpMethod.Post, $"{App}/beacons", """{"name":"x"}""")).Body));
        Assert.Equal(("API_ERR_DATA", "Unknown campaign -1"), AccengageWire.Error((await _wire.CallAsync(HttpMethod.Post, $"{App}/messages", """{"campaignId":-1}""")).Body));
        var (alarmStatus, alarm) = await _wire.CallAsync(HttpMethod.Post, $"{App}/alarms", """{"name":"x","triggers":{"states":{"inclusion":[{"name":"rainy"}]}}}""");
        Assert.Equal((404, "Can not find state with id rainy"), (alarmStatus, AccengageWire.Error(alarm).Message));
        var (inAppStatus, inApp) = await _wire.CallAsync(HttpMethod.Post, $"{App}/inapps", """{"messages":[{"template":{"templateValue":"popup_default"}},{"template":{"templateValue":"banner_default"}}]}""");
        Assert.Equal((400, "The template must be the same for each message"), (inAppStatus, AccengageWire.Error(inApp).Message));
        var (listStatus, _) = await _wire.CallAsync(HttpMethod.Post, $"{App}/lists", """{"name":"Again","listId":1235}""");
        Assert.Equal(409, listStatus);
    }

    // Limits and batches

    [Fact]
    public async Task More_than_100_targets_or_users_are_refused_and_the_sdk_splits_them()
    {
        static string Targets(int count) => string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{"clientId":"C{{i:D6}}"}"""));
        var (refused, body) = await _wire.CallAsync(HttpMethod.Post, $"{App}/send", $$"""{"parentMessageId":2157,"targets":[{{Targets(101)}}]}""");
        Assert.Equal(400, refused);
        Assert.Contains("up to 100 targets", AccengageWire.Error(body).Message, StringComparison.Ordinal);
        Assert.Equal(200, (await _wire.CallAsync(HttpMethod.Post, $"{App}/send", $$"""{"parentMessageId":2157,"targets":[{{Targets(100)}}]}""")).Status);

        var users = string.Join(",", Enumerable.Range(0, 101).Select(i => $$"""{"clientId":"C{{i:D6}}","model":"x"}"""));
        var (tooMany, usersBody) = await _wire.CallAsync(HttpMethod.Put, $"{App}/devices", $$"""{"users":[{{users}}]}""");
        Assert.Equal((400, "Can not update more than 100 users (got 101)."), (tooMany, AccengageWire.Error(usersBody).Message));

        using var client = Client();
        var report = await client.SendInstantMessageToAllAsync(new MessageData { ParentMessageId = AccengageDemoAccount.MessageId },
            Enumerable.Range(0, 250).Select(i => new Target { DeviceId = $"udid-{i}" }));
        Assert.Equal(250, report.AcceptedCount);
        Assert.Equal(4, _sandbox.Accengage.InstantMessageRequests); // the raw 100, then 100 + 100 + 50
        Assert.Equal(100, _sandbox.Accengage.LargestInstantMessage);
        Assert.Equal(350, _sandbox.Accengage.InstantMessageTargets);
    }

    [Fact]
    public async Task Instant_messages_are_checked_against_the_app()
    {
        var (unknown, body) = await _wire.CallAsync(HttpMethod.Post, $"{App}/send", """{"parentMessageExternalId":"Nope","targets":[{"clientId":"123456"}]}""");
        Assert.Equal((404, "Message Nope not found"), (unknown, AccengageWire.Error(body).Message));
        var (unmatched, unmatchedBody) = await _wire.CallAsync(HttpMethod.Post, $"{App}/send", """{"parentMessageId":2157,"text":"Hi ${firstname}, order ${order_id}","targets":[{"clientId":"123456"}]}""");
        Assert.Equal((400, "Unmatched template parameter(s): order_id"), (unmatched, AccengageWire.Error(unmatchedBody).Message));
        var (notIndexed, _) = await _wire.CallAsync(HttpMethod.Post, $"{App}/send", """{"parentMessageId":2157,"targets":[{"model":"iPhone 6"}]}""");
        Assert.Equal(400, notIndexed);
        var (mixed, _) = await _wire.CallAsync(HttpMethod.Post, $"{App}/send", """{"parentMessageId":2157,"segments":{"id":1},"list":{"id":1235}}""");
        Assert.Equal(400, mixed);

        using var client = Client();
        var results = await client.SendInstantMessageToAppsAsync(new MultiAppInstantMessage
        {
            Apps = new Dictionary<string, MessageData>
            {
                ["myPartnerId"] = new() { ParentMessageExternalId = AccengageDemoAccount.OrderShippedExternalId },
                ["mySecondPartnerId"] = new() { ParentMessageExternalId = AccengageDemoAccount.OrderShippedExternalId },
            },
            Targets = [new Target { AdditionalProperties = { ["clientId"] = new Dictionary<string, string> { ["$eq"] = "123456" } }, Data = new Dictionary<string, object> { ["order_id"] = "A-1001" } }],
        });
        Assert.Equal(200, results["myPartnerId"].StatusCode);
        Assert.Equal(404, results["mySecondPartnerId"].StatusCode);
        Assert.Equal("API_ERR_DATA", results["mySecondPartnerId"].Body!.Errors.Single().Label);
    }

    [Fact]
    public async Task Devices_are_updated_one_by_one_and_by_group()
    {
        using var client = Client();
        await client.UpdateDeviceAsync("myPartnerId", AccengageDemoAccount.DeviceUdid, new Dictionary<string, object> { ["token"] = "AB5F200" });
        var found = await client.SearchDeviceAsync("myPartnerId", new Dictionary<string, string> { ["token"] = "AB5F200" });
        Assert.Equal(AccengageDemoAccount.DeviceUdid, found.UDID);
        Assert.Equal("123456", found.Data!["clientId"]?.ToString());

        var report = await client.UpdateAllDevicesAsync(Enumerable.Range(3, 250).Select(i => (IDictionary<string, object>)new Dictionary<string, object> { ["clientId"] = $"C{i:D6}", ["model"] = "Fairphone 5" }));
        Assert.Equal(250, report.AcceptedCount);
        Assert.Equal(3, _sandbox.Accengage.DeviceUpdateRequests);
        Assert.Equal("Fairphone 5", _sandbox.Accengage.FindDevice("myPartnerId", "5A0D0003-0000-4000-8000-000000000003")?["model"]?.GetValue<string>());

        var (locked, body) = await _wire.CallAsync(HttpMethod.Put, $"{App}/devices", """{"users":[{"clientId":"123456","id":7}]}""");
        Assert.Equal((403, "API_ERR_FORBIDDEN"), (locked, AccengageWire.Error(body).Label));
        var (unknownField, unknownBody) = await _wire.CallAsync(HttpMethod.Put, $"{App}/devices/{AccengageDemoAccount.DeviceUdid}", """{"flagada":"1"}""");
        Assert.True(unknownBody.ValueKind == JsonValueKind.Object, $"HTTP {unknownField}");
        Assert.Equal((500, "API_ERR_DB"), (unknownField, AccengageWire.Error(unknownBody).Label));
    }

    [Fact]
    public async Task Static_lists_hold_what_is_upserted_until_it_is_removed_or_expires()
    {
        using var client = Client();
        var listId = (await client.CreateStaticListAsync("myPartnerId", new StaticList { Name = "Newsletter", ExternalId = "news" })).Id!.Value;
        await client.UpsertStaticListDevicesAsync("myPartnerId", listId, new StaticListUsers
        {
            Users =
            [
                new StaticListUser { DeviceId = AccengageDemoAccount.DeviceUdid },
                new StaticListUser { AdditionalProperties = { ["clientId"] = "654321" } },
                new StaticListUser { DeviceId = "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0", ExpireAt = _time.GetUtcNow().AddDays(1).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture) },
            ],
        });
        Assert.Equal(3, await client.EnumerateStaticListDevicesAsync(listId).CountAsync());

        await client.RemoveStaticListDevicesAsync("myPartnerId", listId, new StaticListUsers { Users = [new StaticListUser { DeviceId = AccengageDemoAccount.DeviceUdid }] });
        _time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(["1A2B3C4D-5E6F-7A8B-9C0D-1E2F3A4B5C6D"], _sandbox.Accengage.StaticListDevices("myPartnerId", listId));

        Assert.Empty(await Client().EnumerateStaticListDevicesAsync(9000).ToListAsync()); // 200 with no content
        var (missing, body) = await _wire.CallAsync(HttpMethod.Put, $"{App}/lists/9000", """{"users":[{"deviceId":"x"}]}""");
        Assert.Equal((404, "List 9000 not found"), (missing, AccengageWire.Error(body).Message));
        var (unknownField, unknownBody) = await _wire.CallAsync(HttpMethod.Put, $"{App}/lists/{listId}", """{"users":[{"flagada":"x"}]}""");
        Assert.Equal((400, "Field flagada cannot be found"), (unknownField, AccengageWire.Error(unknownBody).Message));
    }

    [Fact]
    public async Task Messages_are_sent_as_tests_any_number_of_times_and_for_real_once()
    {
        using var client = Client();
        await client.SendMessageAsync("myPartnerId", AccengageDemoAccount.MessageId, test: true);
        await client.SendMessageAsync("myPartnerId", AccengageDemoAccount.MessageId, test: true);
        await client.SendMessageAsync("myPartnerId", AccengageDemoAccount.MessageId);

        var again = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(() => client.SendMessageAsync("myPartnerId", AccengageDemoAccount.MessageId));
        Assert.True(again.HasLabel(AccengageErrorLabels.MessageSent));
        Assert.Equal(2, _sandbox.Accengage.TestSends);
    }

    [Fact]
    public async Task Schedules_and_exclusions_follow_their_documented_rules()
    {
        using var client = Client();
        var schedule = new Schedule { NextSendingDate = _time.GetUtcNow().AddDays(3), StartDate = _time.GetUtcNow(), EndDate = _time.GetUtcNow().AddDays(30) };
        await client.CreateScheduleAsync("myPartnerId", AccengageDemoAccount.MessageId, schedule);
        Assert.Equal(schedule.NextSendingDate, (await client.GetScheduleAsync("myPartnerId", AccengageDemoAccount.MessageId)).NextSendingDate);
        var twice = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(() => client.CreateScheduleAsync("myPartnerId", AccengageDemoAccount.MessageId, schedule));
        Assert.Equal(403, twice.StatusCode);
        var outdated = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(() => client.UpdateScheduleAsync("myPartnerId", AccengageDemoAccount.MessageId, new Schedule { NextSendingDate = _time.GetUtcNow().AddDays(-1) }));
        Assert.Equal(403, outdated.StatusCode);

        await client.CreateScheduleExclusionAsync("myPartnerId", AccengageDemoAccount.MessageId, new ScheduleExclusion { Type = "DAYS", Days = "[1,3]" });
        var duplicate = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(() => client.CreateScheduleExclusionAsync("myPartnerId", AccengageDemoAccount.MessageId, new ScheduleExclusion { Type = "DAYS", Days = "[2]" }));
        Assert.Equal("Schedule exclusion type \"DAYS\" already exists.", duplicate.Errors.Single().Message);
        Assert.Equal("[1,3]", (await client.ListScheduleExclusionsAsync("myPartnerId", AccengageDemoAccount.MessageId)).Single().Days);

        var (notScheduled, body) = await _wire.CallAsync(HttpMethod.Get, $"{App}/messages/2160/schedules/exclusions");
        Assert.Equal((404, "Message not scheduled"), (notScheduled, AccengageWire.Error(body).Message));
    }

    [Fact]
    public async Task Reports_filter_by_period_and_campaigns_of_another_app_are_forbidden()
    {
        using var client = Client();
        Assert.Equal(150, await client.EnumerateCampaignClicksAsync(AccengageDemoAccount.CampaignId).CountAsync());
        // Clicks every 7 minutes from 12:00: 12:00 to 12:56 are up to 13:00.
        Assert.Equal(9, await client.EnumerateCampaignClicksAsync(AccengageDemoAccount.CampaignId, startDate: "2015-01-01", endDate: "2015-01-01 13:00:00").CountAsync());
        Assert.Equal(60, await client.EnumerateMessageClicksAsync(AccengageDemoAccount.MessageId).CountAsync());
        Assert.Equal(new[] { 1L, 2L }, (await client.ListMessageActionsAsync("myPartnerId", AccengageDemoAccount.MessageId)).Actions!.Select(a => a.Id!.Value));
        var day = await client.EnumerateStatsAsync(date: new DateTimeOffset(2015, 1, 2, 0, 0, 0, TimeSpan.Zero)).SingleAsync();
        Assert.Equal("2015-01-02", day.Date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(343, await client.EnumerateStatsAsync().CountAsync()); // 400 days, every seventh missing

        var (status, body) = await _wire.CallAsync(HttpMethod.Get, "v1/me/apps/mySecondPartnerId/campaigns/91/clicks");
        Assert.Equal((403, "API_ERR_FORBIDDEN"), (status, AccengageWire.Error(body).Label));
    }

    [Fact]
    public async Task Geogroups_gain_and_lose_members_named_by_id_or_external_id()
    {
        Assert.Equal(200, (await _wire.CallAsync(HttpMethod.Post, $"{App}/geogroups/ext:myGeogroupExternalId/beacons", """{"id":404}""")).Status);
        Assert.Equal(200, (await _wire.CallAsync(HttpMethod.Post, $"{App}/geogroups/422/geofences", """{"id":479}""")).Status);
        Assert.Equal(("API_ERR_DATA", "Missing id field"), AccengageWire.Error((await _wire.CallAsync(HttpMethod.Post, $"{App}/geogroups/422/beacons", "{}")).Body));

        var (_, list) = await _wire.CallAsync(HttpMethod.Get, $"{App}/geogroups");
        var group = list.GetProperty("geogroups")[0];
        Assert.Equal(404, group.GetProperty("beacons")[0].GetInt64());
        Assert.Equal(479, group.GetProperty("geofences")[0].GetInt64());

        Assert.Equal(200, (await _wire.CallAsync(HttpMethod.Delete, $"{App}/geogroups/422/beacons", """{"id":404}""")).Status);
        Assert.Equal(0, (await _wire.CallAsync(HttpMethod.Get, $"{App}/geogroups")).Body.GetProperty("geogroups")[0].GetProperty("beacons").GetArrayLength());
    }

    // Provider states and tools

    [Fact]
    public async Task A_vendor_named_by_header_is_served_at_its_own_paths_and_links_lead_back_the_same_way()
    {
        var token = await _wire.TokenAsync();
        using var root = new HttpClient { BaseAddress = _sandbox.BaseUrl };
        root.DefaultRequestHeaders.Add("X-Sandbox-Vendor", "accengage");
        var rootWire = new AccengageWire(root, () => _time.GetUtcNow().ToUnixTimeSeconds());

        using var page = await rootWire.SendAsync(HttpMethod.Get, "v1/me/apps/myPartnerId/campaigns?page=2", token: token);
        var links = (await AccengageWire.ReadAsync(page)).GetProperty("links");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(new Uri(_sandbox.BaseUrl, "v1/me/apps/myPartnerId/campaigns?page=3").AbsoluteUri, links.GetProperty("next").GetString());
        Assert.Contains($"<{new Uri(_sandbox.BaseUrl, "v1/me/apps/myPartnerId/campaigns?page=1").AbsoluteUri}>; rel=\"first\"", string.Join(",", page.Headers.GetValues("Link")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provider_states_accept_example_credentials_until_teardown_and_refuse_as_they_say()
    {
        using var control = new HttpClient { BaseAddress = _sandbox.BaseUrl };
        async Task StateAsync(string state, string action = "setup")
        {
            using var answer = await control.PostAsJsonAsync("_sandbox/provider-states/accengage", new { state, action });
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        // The contract's example: a 2017 time, the example key's signature, a token the sandbox never issued.
        async Task<(int, JsonElement)> ExampleRequestAsync(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Accengage-Time", "1507722391");
            request.Headers.Add("Accengage-Signature", "ba04fc7206950ce63d78ddbc9e65c48fb96e54d7");
            request.Headers.Add("Authorization", "Bearer 5b1f0c3e9a7d4c2b8e6f1a0d3c5b7e9f");
            using var answer = await _http.SendAsync(request);
            return ((int)answer.StatusCode, await AccengageWire.ReadAsync(answer));
        }

        Assert.Equal(400, (await ExampleRequestAsync($"{App}/campaigns/91")).Item1);
        await StateAsync("campaign 91 exists");
        Assert.Equal(200, (await ExampleRequestAsync($"{App}/campaigns/91")).Item1);
        await StateAsync("campaign 91 exists", "teardown");
        Assert.Equal("API_ERR_SIGNATURE", AccengageWire.Error((await ExampleRequestAsync($"{App}/campaigns/91")).Item2).Label);

        await StateAsync("campaign 404 does not exist");
        Assert.Equal(404, (await ExampleRequestAsync($"{App}/campaigns/404")).Item1);
        await StateAsync("", "teardown");

        await StateAsync("the access token has expired");
        Assert.Equal(401, (await ExampleRequestAsync($"{App}/campaigns/91")).Item1);
        await StateAsync("", "teardown");

        await StateAsync("the user has no rights on the campaigns");
        Assert.Equal("API_ERR_FORBIDDEN", AccengageWire.Error((await ExampleRequestAsync($"{App}/campaigns/91")).Item2).Label);
        await StateAsync("", "teardown");

        await StateAsync("alarm 777 (external ID rainy-day) exists");
        Assert.Equal(777, (await ExampleRequestAsync($"{App}/alarms/external/rainy-day")).Item2.GetProperty("id").GetInt64());
        await StateAsync("", "teardown");

        await StateAsync("message 2157 is a scheduled push excluding Mondays and Wednesdays");
        var (_, exclusions) = await ExampleRequestAsync($"{App}/messages/2157/schedules/exclusions");
        Assert.Equal("""[{"type":"DAYS","days":"[1,3]"}]""", exclusions.GetRawText());
        await StateAsync("", "teardown");

        await StateAsync("in-app message 2157 (external ID welcome-banner) exists and is inactive");
        Assert.False((await ExampleRequestAsync($"{App}/inapps/external/welcome-banner")).Item2.GetProperty("isActive").GetBoolean());
        await StateAsync("", "teardown");

        await StateAsync("no user has the e-mail mymail@client.com");
        Assert.Equal(404, (await _wire.CallAsync(HttpMethod.Post, "v1/access_token", """{"email":"mymail@client.com"}""", token: null)).Status);
        await StateAsync("", "teardown");

        using var unknown = await control.PostAsJsonAsync("_sandbox/provider-states/accengage", new { state = "the moon is full" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }
}
