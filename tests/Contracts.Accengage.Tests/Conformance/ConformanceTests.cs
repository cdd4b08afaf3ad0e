using System.Text.Json;
using System.Text.RegularExpressions;
using Contracts.Testing;

namespace Contracts.Accengage.Tests.Conformance;

/// <summary>
/// Every request and answer example of the Accengage API (v1) documentation: each printed request is a route of the
/// contract (or a typo of the document, named as such); the alarm bodies and the access token exchange read as
/// printed. <see cref="DocumentExampleReplayTests"/> replays every example through the client.
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
        Assert.Equal(104, RouteExamples().Count);
    }

    [Fact]
    public void Every_printed_request_is_a_route_of_the_contract_unless_the_document_mistyped_it()
    {
        var routes = ContractRoutes();
        bool IsRoute(RouteExample e) => routes.Any(r => r.Method == e.Method && r.Path.IsMatch(e.Path.Split('?')[0].Replace(":myPartnerId", "myPartnerId", StringComparison.Ordinal).Replace(":partnerId", "myPartnerId", StringComparison.Ordinal)));
        var mistyped = RouteExamples().Where(e => e.Note?.Contains("typo", StringComparison.Ordinal) == true).ToList();

        Assert.Empty(RouteExamples().Except(mistyped).Where(e => !IsRoute(e)).Select(e => $"{e.Method} {e.Path}"));
        Assert.Equal(5, mistyped.Count);
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
