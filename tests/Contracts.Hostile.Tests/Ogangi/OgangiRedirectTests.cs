using Contracts.Core;
using Contracts.Hostile.Tests.Infrastructure;

namespace Contracts.Hostile.Tests.Ogangi;

/// <summary>A redirect is never followed: the signed URL (public key, signature) stays with the server that was called.</summary>
public sealed class OgangiRedirectTests
{
    public static TheoryData<int, bool> Redirects()
    {
        var data = new TheoryData<int, bool>();
        foreach (var status in new[] { 301, 302, 303, 307, 308 })
        {
            data.Add(status, false);
            data.Add(status, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Redirects))]
    public async Task Redirect_to_another_port_or_the_same_origin_is_refused_and_nothing_follows(int status, bool sameOrigin)
    {
        await using var server = await HostileServer.StartAsync();
        await using var other = await HostileServer.StartAsync();
        var target = sameOrigin ? server : other;
        server.Respond((request, exchange) => request.Path.StartsWith("/elsewhere", StringComparison.Ordinal)
            ? exchange.RespondAsync(200, OgangiHostile.SendSmsOk, "application/xml")
            : exchange.RedirectAsync(status, new Uri(target.BaseUrl, "/elsewhere" + request.Target).ToString()));
        other.Respond((_, exchange) => exchange.RespondAsync(200, OgangiHostile.SendSmsOk, "application/xml"));
        using var client = OgangiHostile.Client(server);

        var error = await Assert.ThrowsAsync<RedirectRefusedException>(() => OgangiHostile.SendSmsAsync(client));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(DeliveryState.Refused, error.Delivery);
        Assert.Single(server.Requests);
        if (!sameOrigin)
            Assert.Empty(other.Requests);
        AssertNoSecrets(error, OgangiHostile.SignatureOf(server.Requests[0]));
    }

    [FactWhenBindable("127.0.0.2")]
    public async Task Redirect_to_another_host_is_refused_and_the_other_host_receives_nothing()
    {
        await using var other = await OgangiHostile.StartSecondAsync("127.0.0.2");
        other.Respond((_, exchange) => exchange.RespondAsync(200, OgangiHostile.SendSmsOk, "application/xml"));
        foreach (var status in new[] { 301, 302, 303, 307, 308 })
        {
            await using var server = await HostileServer.StartAsync();
            server.Respond((request, exchange) => exchange.RedirectAsync(status, new Uri(other.BaseUrl, request.Target.TrimStart('/')).ToString()));
            using var client = OgangiHostile.Client(server);

            var error = await Assert.ThrowsAsync<RedirectRefusedException>(() => OgangiHostile.SendSmsAsync(client));

            Assert.Equal(status, error.StatusCode);
            Assert.Single(server.Requests);
            Assert.True(other.Requests.Count == 0, $"{status}: 127.0.0.2 received {string.Join(", ", other.Requests)}");
            Assert.Equal(0, other.ConnectionsAccepted);
            AssertNoSecrets(error, OgangiHostile.SignatureOf(server.Requests[0]));
        }
    }

    private static void AssertNoSecrets(Exception error, string signature)
    {
        var shown = OgangiHostile.EverythingShown(error);
        Assert.DoesNotContain(OgangiHostile.PublicKey, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(OgangiHostile.PrivateKey, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(signature, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(signature), shown, StringComparison.Ordinal);
    }
}
