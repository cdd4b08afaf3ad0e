using System.Globalization;
using System.Net;
using Contracts.Accengage;
using Contracts.Core;
using Contracts.Hostile.Tests.Infrastructure;

namespace Contracts.Hostile.Tests.Accengage;

/// <summary>Accengage never follows a redirect: not from the token endpoint (a signed request), not from a send or a list.</summary>
public sealed class AccengageRedirectTests : AccengageHost
{
    public static TheoryData<int> RedirectStatuses => [301, 302, 303, 307, 308];

    [Theory]
    [MemberData(nameof(RedirectStatuses))]
    public async Task A_token_redirect_to_another_port_is_refused_and_nothing_signed_reaches_it(int status)
    {
        await using var other = await HostileServer.StartAsync();
        other.Respond((_, exchange) => exchange.RespondAsync(200, TokenAnswer()));
        TokenScript = (_, exchange) => exchange.RedirectAsync(status, new Uri(other.BaseUrl, TokenPath).ToString());
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => Send(client));

        var refused = InChain<RedirectRefusedException>(error);
        Assert.Equal(status, refused.StatusCode);
        Assert.Contains(other.Port.ToString(CultureInfo.InvariantCulture), refused.Location, StringComparison.Ordinal);
        Assert.Empty(other.Requests);
        Assert.Equal(0, other.ConnectionsAccepted);
        Assert.Empty(SendRequests);
        Guarantees.NoSecretIn(error, Secrets());
    }

    [Theory]
    [MemberData(nameof(RedirectStatuses))]
    public async Task A_send_redirect_to_another_port_is_refused_and_neither_token_nor_signature_reaches_it(int status)
    {
        await using var other = await HostileServer.StartAsync();
        other.Respond((_, exchange) => exchange.RespondAsync(200));
        SendScript = (_, exchange) => exchange.RedirectAsync(status, new Uri(other.BaseUrl, SendPath).ToString());
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => Send(client));

        var refused = InChain<RedirectRefusedException>(error);
        Assert.Equal(status, refused.StatusCode);
        Assert.Contains(other.Port.ToString(CultureInfo.InvariantCulture), refused.Location, StringComparison.Ordinal);
        Assert.Empty(other.Requests);
        Assert.Single(SendRequests);
        Guarantees.NothingSecretReached(other, Secrets());
        Guarantees.NoSecretIn(error, Secrets());
    }

    [Theory]
    [MemberData(nameof(RedirectStatuses))]
    public async Task A_list_redirected_to_the_same_origin_is_not_followed(int status)
    {
        ListScript = (request, exchange) => request.Query.Contains("again", StringComparison.Ordinal)
            ? exchange.RespondAsync(200, """{"campaigns":[]}""")
            : exchange.RedirectAsync(status, CampaignsPath + "?again=1");
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => List(client));

        Assert.Contains("again=1", InChain<RedirectRefusedException>(error).Location, StringComparison.Ordinal);
        Assert.Single(ListRequests);
    }

    [FactWhenBindable("127.0.0.2")]
    public async Task Redirects_to_another_host_name_are_refused_for_the_token_and_the_send()
    {
        await using var other = await HostileServer.StartAsync(IPAddress.Parse("127.0.0.2"));
        other.Respond((request, exchange) => exchange.RespondAsync(200, request.Path == TokenPath ? TokenAnswer() : "{}"));
        foreach (var status in new[] { 301, 302, 303, 307, 308 })
        {
            TokenScript = (_, exchange) => exchange.RedirectAsync(status, new Uri(other.BaseUrl, TokenPath).ToString());
            using (var client = Client())
            {
                var error = await Guarantees.FailsWithin(() => Send(client));
                Assert.Contains("127.0.0.2", InChain<RedirectRefusedException>(error).Location, StringComparison.Ordinal);
                Guarantees.NoSecretIn(error, Secrets());
            }

            TokenScript = (_, exchange) => exchange.RespondAsync(200, TokenAnswer());
            SendScript = (_, exchange) => exchange.RedirectAsync(status, new Uri(other.BaseUrl, SendPath).ToString());
            using (var client = Client())
            {
                var error = await Guarantees.FailsWithin(() => Send(client));
                Assert.Contains("127.0.0.2", InChain<RedirectRefusedException>(error).Location, StringComparison.Ordinal);
                Guarantees.NoSecretIn(error, Secrets());
            }
        }

        Assert.Empty(other.Requests);
        Assert.Equal(0, other.ConnectionsAccepted);
    }

    [Fact]
    public async Task A_redirect_to_localhost_instead_of_127_0_0_1_is_refused()
    {
        SendScript = (request, exchange) => request.Query.Contains("moved", StringComparison.Ordinal)
            ? exchange.RespondAsync(200)
            : exchange.RedirectAsync(308, $"http://localhost:{Server.Port}{SendPath}?moved=1");
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => Send(client));

        Assert.Contains("localhost", InChain<RedirectRefusedException>(error).Location, StringComparison.Ordinal);
        Assert.Single(SendRequests);
    }

    [Fact]
    public async Task A_302_on_a_send_in_a_batch_never_counts_as_accepted()
    {
        await using var other = await HostileServer.StartAsync();
        other.Respond((_, exchange) => exchange.RespondAsync(200));
        SendScript = (_, exchange) => exchange.RedirectAsync(302, new Uri(other.BaseUrl, SendPath).ToString());
        using var client = Client();

        var report = await client.SendInstantMessageToAllAsync(
                new MessageData { ParentMessageId = 1 },
                Enumerable.Range(0, 150).Select(i => new Target { DeviceId = $"udid-{i}" }))
            .WaitAsync(Guarantees.Patience);

        Assert.Equal(0, report.AcceptedCount);
        Assert.Equal(150, report.RejectedCount + report.NotAttemptedCount + report.UnknownCount);
        Assert.Empty(other.Requests);
    }
}
