using System.Text.Json;
using System.Text.RegularExpressions;
using Contracts.Testing;

namespace Contracts.Accengage.Tests.Conformance;

/// <summary>
/// Every request and answer example of the Accengage API (v1) documentation: each printed request is a route of the
/// contract (or a typo of the document, named as such), a sample of them is replayed through the client over a
/// loopback server (the request the client sends is the one printed, the answer status reads as the document says),
/// and the printed bodies read into the right result or typed error.
/// </summary>
public sealed partial class ConformanceTests : AccengageTestBase
{
    private static readonly ConformanceFixtures Fixtures = ConformanceFixtures.Load();

    private sealed record RouteExample(string Method, string Path, int? Status, string? Note);

    private static IReadOnlyList<RouteExample> RouteExamples()
        => JsonSerializer.Deserialize<List<RouteExample>>(Fixtures.Text("route-examples.json"), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    [Fact]
    public void Every_fixture_names_the_section_it_comes_from()
    {
        Assert.Equal(Fixtures.Sources.Select(s => s.File).Order(StringComparer.Ordinal), Fixtures.Files());
        Assert.Contains("Accengage API", Fixtures.Document, StringComparison.Ordinal);
        Assert.All(Fixtures.Sources, s => Assert.False(string.IsNullOrWhiteSpace(s.Section)));
        Assert.Equal(83, RouteExamples().Count);
    }

    [Fact]
    public void Every_printed_request_is_a_route_of_the_contract_unless_the_document_mistyped_it()
    {
        var routes = ContractRoutes();
        bool IsRoute(RouteExample e) => routes.Any(r => r.Method == e.Method && r.Path.IsMatch(e.Path.Split('?')[0].Replace(":myPartnerId", "myPartnerId", StringComparison.Ordinal)));
        var mistyped = RouteExamples().Where(e => e.Note?.Contains("typo", StringComparison.Ordinal) == true).ToList();

        Assert.Empty(RouteExamples().Except(mistyped).Where(e => !IsRoute(e)).Select(e => $"{e.Method} {e.Path}"));
        Assert.Equal(4, mistyped.Count);
    }

    /// <summary>Printed requests the client can send with no body, and how.</summary>
    public static TheoryData<string, string> Replayed() => new()
    {
        { "GET", "/v1/me/apps/myPartnerId/campaigns/91" },
        { "DELETE", "/v1/me/apps/myPartnerId/campaigns/91" },
        { "DELETE", "/v1/me/apps/myPartnerId/campaigns/123" },
        { "GET", "/v1/me/apps/myPartnerId/messages/2157" },
        { "GET", "/v1/me/apps/myPartnerId/messages/2159" },
        { "DELETE", "/v1/me/apps/myPartnerId/messages/1613" },
        { "GET", "/v1/me/apps/myPartnerId/messages/10/schedules/exclusions" },
        { "DELETE", "/v1/me/apps/myPartnerId/messages/10/schedules/exclusions" },
        { "GET", "/v1/me/apps/myPartnerId/lists/9000" },
        { "GET", "/v1/me/apps/myPartnerId/geofences/404" },
        { "GET", "/v1/me/apps/myPartnerId/geofences/405" },
        { "GET", "/v1/me/apps/myPartnerId/beacons/404" },
        { "GET", "/v1/me/apps/myPartnerId/inapps/2157" },
        { "GET", "/v1/me/apps/myPartnerId/stats?date=2015-01-01" },
        { "GET", "/v1/me/apps/myPartnerId/devices/search/by?UDID=F31548D3-F93E-498F-8E01-F18CC4EB2F5F" },
    };

    [Theory]
    [MemberData(nameof(Replayed))]
    public async Task A_printed_request_is_sent_as_printed_and_its_status_reads_as_the_document_says(string method, string path)
    {
        var example = RouteExamples().First(e => e.Method == method && e.Path == path);
        Accengage.Api = (_, context) => context.RespondJsonAsync(example.Status!.Value, example.Status == 200 ? AnswerFor(path) : FakeAccengage.Error("API_ERR_DATA", "Not found"));
        const string p = FakeAccengage.PartnerId;

        Func<Task> call = path switch
        {
            "/v1/me/apps/myPartnerId/campaigns/91" when method == "GET" => () => Client.GetCampaignAsync(p, 91),
            "/v1/me/apps/myPartnerId/campaigns/91" => () => Client.DeleteCampaignAsync(p, 91),
            "/v1/me/apps/myPartnerId/campaigns/123" => () => Client.DeleteCampaignAsync(p, 123),
            "/v1/me/apps/myPartnerId/messages/2157" => () => Client.GetMessageAsync(p, 2157),
            "/v1/me/apps/myPartnerId/messages/2159" => () => Client.GetMessageAsync(p, 2159),
            "/v1/me/apps/myPartnerId/messages/1613" => () => Client.DeleteMessageAsync(p, 1613),
            "/v1/me/apps/myPartnerId/messages/10/schedules/exclusions" when method == "GET" => () => Client.ListScheduleExclusionsAsync(p, 10),
            "/v1/me/apps/myPartnerId/messages/10/schedules/exclusions" => () => Client.DeleteScheduleExclusionsAsync(p, 10),
            "/v1/me/apps/myPartnerId/lists/9000" => () => Client.EnumerateStaticListDevicesAsync(9000).ToListAsync().AsTask(),
            "/v1/me/apps/myPartnerId/geofences/404" => () => Client.GetGeofenceAsync(p, 404),
            "/v1/me/apps/myPartnerId/geofences/405" => () => Client.GetGeofenceAsync(p, 405),
            "/v1/me/apps/myPartnerId/beacons/404" => () => Client.GetBeaconAsync(p, 404),
            "/v1/me/apps/myPartnerId/inapps/2157" => () => Client.GetInAppAsync(p, 2157),
            "/v1/me/apps/myPartnerId/stats?date=2015-01-01" => () => Client.EnumerateStatsAsync(date: new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToListAsync().AsTask(),
            _ => () => Client.SearchDeviceAsync(p, new Dictionary<string, string> { ["UDID"] = "F31548D3-F93E-498F-8E01-F18CC4EB2F5F" }),
        };

        if (example.Status is >= 200 and < 300)
        {
            await call();
        }
        else
        {
            var error = await Assert.ThrowsAnyAsync<AccengageException>(call);
            Assert.Equal(example.Status, error.StatusCode);
        }

        var sent = Assert.Single(Accengage.ApiRequests);
        Assert.Equal(method, sent.Method);
        Assert.Equal(path, sent.Path + sent.Query);
        Assert.Empty(Accengage.BadlySigned);
    }

    [Fact]
    public async Task The_alarm_example_reads_into_an_alarm()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(200, Fixtures.Text("alarm.json"));

        var alarm = await Client.GetAlarmAsync(FakeAccengage.PartnerId, 123456);

        Assert.Equal(Fixtures.Source("alarm.json").Path, Assert.Single(Accengage.ApiRequests).Path);
        Assert.Equal(12345, alarm.Id);
        Assert.Equal("My Alarm", alarm.Name);
    }

    [Fact]
    public async Task The_alarm_not_found_example_is_a_typed_error_with_its_label()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(404, Fixtures.Text("alarm-not-found-404.json"));

        var error = await Assert.ThrowsAnyAsync<AccengageException>(() => Client.GetAlarmAsync(FakeAccengage.PartnerId, 123458));

        Assert.Equal(404, error.StatusCode);
        Assert.True(error.HasLabel(AccengageErrorLabels.Data));
    }

    [Fact]
    public async Task The_access_token_request_and_answer_match_the_document()
    {
        Accengage.TokenAnswer = _ => (200, Fixtures.Text("access-token-200.json"));
        Accengage.Api = (_, context) => context.RespondJsonAsync(200, """{"id":91}""");
        using var client = new AccengageClient(Accengage.Options(o => o.UserEmail = "mymail@client.com"));

        // The fake accepts only tokens it issued itself: the document's token is refused, which is not the point here.
        await Assert.ThrowsAnyAsync<AccengageException>(() => client.GetCampaignAsync(FakeAccengage.PartnerId, 91));

        var token = Accengage.TokenRequests[0];
        Assert.Equal("POST", token.Method);
        Assert.StartsWith("application/json", token.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Null(JsonSemantics.Difference(Fixtures.Text("access-token-request.json"), token.BodyText));
        Assert.Equal("Bearer 12345678", Accengage.ApiRequests[0].Header("Authorization"));
    }

    private static string AnswerFor(string path) => path switch
    {
        _ when path.EndsWith("/exclusions", StringComparison.Ordinal) => """[{"type":"DAYS","days":"[1,3]"}]""",
        _ when path.Contains("/stats", StringComparison.Ordinal) => """{"stats":[]}""",
        _ when path.Contains("/lists/9000", StringComparison.Ordinal) => "",
        _ => """{"id":1}""",
    };

    private sealed record ContractRoute(string Method, Regex Path);

    private static List<ContractRoute> ContractRoutes()
    {
        var routes = new List<ContractRoute>();
        string? path = null;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "accengage.openapi.yaml")))
        {
            if (PathLine().Match(line) is { Success: true } p)
                path = p.Groups[1].Value;
            else if (path is not null && MethodLine().Match(line) is { Success: true } m)
                routes.Add(new ContractRoute(m.Groups[1].Value.ToUpperInvariant(), new Regex("^" + Regex.Replace(Regex.Escape(path), @"\\\{[^}]+}", "[^/]+") + "/?$", RegexOptions.CultureInvariant)));
            else if (line.Length > 0 && !line.StartsWith(' '))
                path = null;
        }
        return routes;
    }

    [GeneratedRegex(@"^  (/v1/[^:]*):\s*$")]
    private static partial Regex PathLine();

    [GeneratedRegex(@"^    (get|post|put|delete):\s*$")]
    private static partial Regex MethodLine();
}
