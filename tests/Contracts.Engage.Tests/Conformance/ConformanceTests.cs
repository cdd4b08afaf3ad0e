using System.Text.Json;
using Contracts.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Contracts.Engage.Tests.Conformance;

/// <summary>
/// Every request and answer example of the ENGAGE Federated Batch Push Service Guide, replayed through the client over
/// a loopback server: each request the client sends matches its example (method, path, the headers the guide shows,
/// the body by meaning); each answer reads into the result or the typed error the guide describes.
/// </summary>
public sealed class ConformanceTests : IAsyncLifetime
{
    private static readonly ConformanceFixtures Fixtures = DocumentSamples.Fixtures;
    private FakeEngage _engage = null!;

    public async Task InitializeAsync() => _engage = await FakeEngage.StartAsync();

    public async Task DisposeAsync() => await _engage.DisposeAsync();

    [Fact]
    public void Every_fixture_names_the_guide_section_it_comes_from()
    {
        Assert.Equal(Fixtures.Sources.Select(s => s.File).Order(StringComparer.Ordinal), Fixtures.Files());
        Assert.Contains("ENGAGE", Fixtures.Document, StringComparison.Ordinal);
        Assert.All(Fixtures.Sources, source =>
        {
            Assert.False(string.IsNullOrWhiteSpace(source.Section));
            Assert.Contains(source.Kind, new[] { "request", "answer" });
        });
    }

    [Fact]
    public async Task Token_request_matches_the_guide()
    {
        using var client = new EngageClient(_engage.Options(o => { o.ClientId = "<clientId>"; o.ClientSecret = "<clientSecret>"; }));

        await client.CheckTokenHealthAsync();

        AssertMatches("token-request.json", Assert.Single(_engage.TokenRequests));
    }

    [Fact]
    public async Task Health_request_carries_the_documented_content_type()
    {
        using var client = new EngageClient(_engage.Options());

        await client.CheckTokenHealthAsync();

        var health = Assert.Single(_engage.Server.RequestsTo(FakeEngage.HealthPath));
        AssertMatches("health-success.json", health);
        Assert.Empty(health.Body);
    }

    [Theory]
    [InlineData("push-anumbers-request.json")]
    [InlineData("push-group-request.json")]
    public async Task Push_requests_match_the_guide(string fixture)
    {
        var example = JsonSerializer.Deserialize<BatchPushRequest>(Fixtures.Text(fixture))!;
        var push = (example.ANumberGroupId is { } group
                ? EngagePush.FromANumberGroup(Samples.Program, group)
                : EngagePush.FromANumbers(Samples.Program, example.ANumbers!))
            with { NotBefore = example.NotBefore, TtlSeconds = example.TtlSeconds, KeepAfterCall = example.KeepAfterCall ?? false };
        using var client = new EngageClient(_engage.Options());

        await client.PushAsync(push, example.Destinations);

        AssertMatches(fixture, Assert.Single(_engage.PushRequests), "ttlSeconds", "keepAfterCall");
    }

    [Fact]
    public void The_guides_string_typed_ttl_and_keep_after_call_are_read()
    {
        var example = JsonSerializer.Deserialize<BatchPushRequest>(Fixtures.Text("push-anumbers-request.json"))!;

        Assert.Equal(3600, example.TtlSeconds);
        Assert.False(example.KeepAfterCall);
        Assert.Equal("""{"ttlSeconds":3600,"keepAfterCall":false}""", JsonSerializer.Serialize(new BatchPushRequest { TtlSeconds = 3600, KeepAfterCall = false, Destinations = null! }, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull }));
    }

    [Fact]
    public async Task Unauthorized_answer_without_body_is_a_typed_error()
    {
        _engage.RejectAllTokens = true;
        Assert.Equal("", Fixtures.Text("unauthorized-401.txt"));
        using var raw = new EngageClient(new HttpClient { BaseAddress = _engage.Server.BaseUrl });

        var error = await Assert.ThrowsAsync<EngageException>(() => raw.CheckTokenHealthAsync());

        Assert.Equal(Fixtures.Source("unauthorized-401.txt").Status, error.StatusCode);
    }

    [Fact]
    public async Task The_guides_sample_token_is_used_for_the_documented_fifteen_minutes_not_its_sixty_minute_exp()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _engage.TokenAnswer = n => (200, SampleShapedToken(time.GetUtcNow(), n));
        using var client = new EngageClient(_engage.Options(), transport: null, timeProvider: time);

        await client.CheckTokenHealthAsync();
        time.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(5)); // past 15 minutes less the 60 s margin, long before exp
        await client.CheckTokenHealthAsync();

        Assert.Equal(2, _engage.TokenRequests.Count);
    }

    [Fact]
    public async Task Trusting_the_jwt_expiry_keeps_the_sample_token_past_fifteen_minutes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _engage.TokenAnswer = n => (200, SampleShapedToken(time.GetUtcNow(), n));
        using var client = new EngageClient(_engage.Options(o => o.TrustJwtExpiry = true), transport: null, timeProvider: time);

        await client.CheckTokenHealthAsync();
        time.Advance(TimeSpan.FromMinutes(40));
        await client.CheckTokenHealthAsync();

        Assert.Single(_engage.TokenRequests);
    }

    /// <summary>The guide's token answer with a token shaped like its sample: a JWT whose exp is 60 minutes after its iat.</summary>
    private static string SampleShapedToken(DateTimeOffset now, int n)
    {
        using var sample = JsonDocument.Parse(Fixtures.Text("token-success.json"));
        var exp = JwtClaim(sample.RootElement.GetProperty("accessToken").GetString()!, "exp");
        var iat = JwtClaim(sample.RootElement.GetProperty("accessToken").GetString()!, "iat");
        Assert.Equal(3600, exp - iat);
        var token = Jwt.WithExpiry(now.AddSeconds(exp - iat), subject: $"sample-{n}", issuedAt: now);
        return $$"""{"accessToken":"{{token}}","message":"Success","errorCode":0,"requestId":"r-{{n}}"}""";
    }

    private static long JwtClaim(string jwt, string claim)
    {
        var payload = System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[1]);
        using var json = JsonDocument.Parse(payload);
        return json.RootElement.GetProperty(claim).GetInt64();
    }

    private static void AssertMatches(string fixture, RecordedRequest request, params string[] quotedScalars)
    {
        var source = Fixtures.Source(fixture);
        Assert.Equal(source.Method, request.Method);
        Assert.Equal(source.Path, request.Path + request.Query);
        foreach (var (name, value) in source.Headers ?? [])
        {
            var sent = request.Header(name);
            Assert.NotNull(sent);
            Assert.StartsWith(value, sent, StringComparison.OrdinalIgnoreCase);
        }
        if (source.Kind == "request")
            Assert.Null(JsonSemantics.Difference(Fixtures.Text(fixture), request.BodyText, quotedScalars));
    }
}
