namespace Contracts.Engage.Tests;

/// <summary>What the client puts on the wire, byte for byte where the tables of the ENGAGE Federated Batch Push guide fix it.</summary>
public sealed class WireFormatTests : IAsyncLifetime
{
    private FakeEngage _engage = null!;

    public async Task InitializeAsync() => _engage = await FakeEngage.StartAsync();

    public async Task DisposeAsync() => await _engage.DisposeAsync();

    [Fact]
    public async Task Token_request_posts_the_credentials_with_the_federated_purpose_header()
    {
        using var client = new EngageClient(_engage.Options());

        await client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations());

        var token = Assert.Single(_engage.TokenRequests);
        Assert.Equal("POST", token.Method);
        Assert.Equal("inform", token.Header("X-Federated-Purpose"));
        Assert.StartsWith("application/json", token.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Null(token.Header("Authorization"));
        Assert.Equal("""{"clientId":"client-42","clientSecret":"s3cr3t-never-log-me"}""", token.BodyText);
    }

    [Fact]
    public async Task Push_sends_the_bearer_token_and_the_program_in_the_query()
    {
        using var client = new EngageClient(_engage.Options());

        await client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations());

        var push = Assert.Single(_engage.PushRequests);
        Assert.Equal("POST", push.Method);
        Assert.Equal("?programContentUuid=3e1b9b27-d1f9-4c8d-800f-bb534d6928d6", push.Query);
        Assert.Equal($"Bearer {Assert.Single(_engage.IssuedTokens)}", push.Header("Authorization"));
        Assert.StartsWith("application/json", push.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("Contracts.Engage/", push.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_body_with_aNumbers_is_the_guide_request_with_integer_ttl_and_boolean_keepAfterCall()
    {
        using var client = new EngageClient(_engage.Options());

        await client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations());

        // The guide's push request example, minified, with ttlSeconds and keepAfterCall typed as its tables say.
        const string expected = """{"destinations":[{"bNumber":"+15018902005","personalization":{"MY_VAR":"Put Custom Text Here"},"customTrackingId":"custom-tracking-1"},{"bNumber":"+14258309029","personalization":{"MY_VAR":"Put Custom Text Here"},"customTrackingId":"custom-tracking-2"}],"aNumbers":["+5014008029","+5013509988"],"notBefore":"2020-02-10T16:00:00Z","ttlSeconds":3600,"keepAfterCall":false}""";
        Assert.Equal(expected, Assert.Single(_engage.PushRequests).BodyText);
    }

    [Fact]
    public async Task Push_body_with_a_group_names_the_group_and_no_aNumbers()
    {
        using var client = new EngageClient(_engage.Options());
        var push = EngagePush.FromANumberGroup(Samples.Program, Samples.Group) with
        {
            NotBefore = new DateTimeOffset(2020, 2, 10, 16, 0, 0, TimeSpan.Zero),
        };

        await client.PushAsync(push, Samples.GuideDestinations());

        const string expected = """{"destinations":[{"bNumber":"+15018902005","personalization":{"MY_VAR":"Put Custom Text Here"},"customTrackingId":"custom-tracking-1"},{"bNumber":"+14258309029","personalization":{"MY_VAR":"Put Custom Text Here"},"customTrackingId":"custom-tracking-2"}],"aNumberGroupId":"935b91a0-f2fb-4c43-b629-63fea6634512","notBefore":"2020-02-10T16:00:00Z","ttlSeconds":3600,"keepAfterCall":false}""";
        Assert.Equal(expected, Assert.Single(_engage.PushRequests).BodyText);
    }

    [Fact]
    public async Task Optional_fields_left_unset_are_left_out()
    {
        using var client = new EngageClient(_engage.Options());

        await client.PushAsync(EngagePush.FromANumbers(Samples.Program, ["+15550000001"]), [new Destination { BNumber = "+15018902005" }]);

        Assert.Equal("""{"destinations":[{"bNumber":"+15018902005"}],"aNumbers":["+15550000001"],"ttlSeconds":3600,"keepAfterCall":false}""", Assert.Single(_engage.PushRequests).BodyText);
    }

    [Fact]
    public async Task Token_health_check_sends_the_bearer_token()
    {
        using var client = new EngageClient(_engage.Options());

        var health = await client.CheckTokenHealthAsync();

        Assert.Equal("Healthy", health.Message);
        var request = Assert.Single(_engage.Server.RequestsTo(FakeEngage.HealthPath));
        Assert.Equal("GET", request.Method);
        Assert.Equal($"Bearer {Assert.Single(_engage.IssuedTokens)}", request.Header("Authorization"));
    }
}
