using System.Globalization;
using System.Net;
using Contracts.Core;
using Contracts.Hostile.Tests.Infrastructure;

namespace Contracts.Hostile.Tests.Engage;

/// <summary>ENGAGE never follows a redirect: not from the token endpoint (the client secret would go with it), not from a push.</summary>
public sealed class EngageRedirectTests : EngageHost
{
    public static TheoryData<int> RedirectStatuses => [301, 302, 303, 307, 308];

    [Theory]
    [MemberData(nameof(RedirectStatuses))]
    public async Task A_token_redirect_to_another_port_is_refused_and_the_client_secret_never_reaches_it(int status)
    {
        await using var other = await HostileServer.StartAsync();
        other.Respond((_, exchange) => exchange.RespondAsync(200, TokenAnswer()));
        var location = new Uri(other.BaseUrl, TokenPath).ToString();
        TokenScript = (_, exchange) => exchange.RedirectAsync(status, location);
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));

        var refused = InChain<RedirectRefusedException>(error);
        Assert.Equal(status, refused.StatusCode);
        Assert.Contains(other.Port.ToString(CultureInfo.InvariantCulture), refused.Location, StringComparison.Ordinal);
        Assert.Contains(other.Port.ToString(CultureInfo.InvariantCulture), refused.Message, StringComparison.Ordinal);
        Assert.Empty(other.Requests);
        Assert.Equal(0, other.ConnectionsAccepted);
        Assert.Empty(PushRequests);
        Guarantees.NoSecretIn(error, ClientSecret, Token);
    }

    [Theory]
    [MemberData(nameof(RedirectStatuses))]
    public async Task A_push_redirect_to_another_port_is_refused_and_the_bearer_token_never_reaches_it(int status)
    {
        await using var other = await HostileServer.StartAsync();
        other.Respond((_, exchange) => exchange.RespondAsync(200, PushSuccess));
        var location = new Uri(other.BaseUrl, PushPath + "?programContentUuid=" + Program).ToString();
        PushScript = (_, exchange) => exchange.RedirectAsync(status, location);
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));

        var refused = InChain<RedirectRefusedException>(error);
        Assert.Equal(status, refused.StatusCode);
        Assert.Contains(other.Port.ToString(CultureInfo.InvariantCulture), refused.Location, StringComparison.Ordinal);
        Assert.Empty(other.Requests);
        Assert.Single(PushRequests);
        Guarantees.NothingSecretReached(other, ClientSecret, Token);
        Guarantees.NoSecretIn(error, ClientSecret, Token);
    }

    [Theory]
    [MemberData(nameof(RedirectStatuses))]
    public async Task A_push_redirected_to_the_same_origin_is_not_followed(int status)
    {
        PushScript = (request, exchange) => request.Query.Contains("again", StringComparison.Ordinal)
            ? exchange.RespondAsync(200, PushSuccess)
            : exchange.RedirectAsync(status, PushPath + "?again=1");
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));

        var refused = InChain<RedirectRefusedException>(error);
        Assert.Contains("again=1", refused.Location, StringComparison.Ordinal);
        Assert.Single(PushRequests);
    }

    [Theory]
    [MemberData(nameof(RedirectStatuses))]
    public async Task A_token_redirected_to_the_same_origin_is_not_followed(int status)
    {
        TokenScript = (request, exchange) => request.Query.Contains("again", StringComparison.Ordinal)
            ? exchange.RespondAsync(200, TokenAnswer())
            : exchange.RedirectAsync(status, TokenPath + "?again=1");
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));

        InChain<RedirectRefusedException>(error);
        Assert.DoesNotContain(TokenRequests, r => r.Query.Contains("again", StringComparison.Ordinal));
        Assert.Empty(PushRequests);
    }

    [FactWhenBindable("127.0.0.2")]
    public async Task Redirects_to_another_host_name_are_refused_for_the_token_and_the_push()
    {
        await using var other = await HostileServer.StartAsync(IPAddress.Parse("127.0.0.2"));
        other.Respond((request, exchange) => exchange.RespondAsync(200, request.Path == TokenPath ? TokenAnswer() : PushSuccess));
        foreach (var status in new[] { 301, 302, 303, 307, 308 })
        {
            TokenScript = (_, exchange) => exchange.RedirectAsync(status, new Uri(other.BaseUrl, TokenPath).ToString());
            using (var client = Client())
            {
                var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));
                Assert.Contains("127.0.0.2", InChain<RedirectRefusedException>(error).Location, StringComparison.Ordinal);
                Guarantees.NoSecretIn(error, ClientSecret, Token);
            }

            TokenScript = (_, exchange) => exchange.RespondAsync(200, TokenAnswer());
            PushScript = (_, exchange) => exchange.RedirectAsync(status, new Uri(other.BaseUrl, PushPath).ToString());
            using (var client = Client())
            {
                var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));
                Assert.Contains("127.0.0.2", InChain<RedirectRefusedException>(error).Location, StringComparison.Ordinal);
                Guarantees.NoSecretIn(error, ClientSecret, Token);
            }
        }

        Assert.Empty(other.Requests);
        Assert.Equal(0, other.ConnectionsAccepted);
    }

    [Fact]
    public async Task A_redirect_to_localhost_instead_of_127_0_0_1_is_refused()
    {
        var localhost = $"http://localhost:{Server.Port}{PushPath}?moved=1";
        PushScript = (request, exchange) => request.Query.Contains("moved", StringComparison.Ordinal)
            ? exchange.RespondAsync(200, PushSuccess)
            : exchange.RedirectAsync(307, localhost);
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));

        Assert.Contains("localhost", InChain<RedirectRefusedException>(error).Location, StringComparison.Ordinal);
        Assert.Single(PushRequests);
    }

    [Fact]
    public async Task A_302_on_a_push_in_a_batch_never_counts_as_accepted()
    {
        await using var other = await HostileServer.StartAsync();
        other.Respond((_, exchange) => exchange.RespondAsync(200, PushSuccess));
        PushScript = (_, exchange) => exchange.RedirectAsync(302, new Uri(other.BaseUrl, PushPath).ToString());
        using var client = Client(o => o.BatchSize = 2);

        var report = await client.PushAllAsync(Push(), Numbered(6).ToList()).WaitAsync(Guarantees.Patience);

        Assert.Equal(0, report.AcceptedCount);
        Assert.False(report.AllAccepted);
        Assert.Equal(6, report.RejectedCount + report.NotAttemptedCount + report.UnknownCount);
        Assert.Empty(other.Requests);
    }
}
