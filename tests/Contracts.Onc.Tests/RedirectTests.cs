using Contracts.Core;
using Contracts.Testing;

namespace Contracts.Onc.Tests;

/// <summary>
/// A redirect is never followed: the request (its session id, or the password of OpenAPISession) stays with the
/// configured address, and the call ends with RedirectRefusedException naming where the answer pointed.
/// </summary>
public sealed class RedirectTests : FakeOncTests
{
    [Fact]
    public async Task A_redirect_from_the_endpoint_is_RedirectRefusedException_and_the_other_server_receives_nothing()
    {
        await using var elsewhere = await LoopbackServer.StartAsync((_, _) => Task.CompletedTask);
        var target = new Uri(elsewhere.BaseUrl, "ONC/OutboundNotificationsCampaignsService.svc").AbsoluteUri;
        await using var client = new OncClient(Onc.Options());
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        Onc.Handle = exchange => RedirectAsync(exchange, "AddCampaignContact", target);

        var error = await Assert.ThrowsAsync<RedirectRefusedException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550900")).WaitAsync(Bound.Test));

        Assert.Equal((307, DeliveryState.Refused, target), (error.StatusCode, error.Delivery, error.Location));
        Assert.Empty(elsewhere.Requests);
        Assert.Equal(1, Onc.Count("AddCampaignContact"));
    }

    [Fact]
    public async Task A_redirected_OpenAPISession_is_AccessTokenException_and_the_password_goes_nowhere_else()
    {
        await using var elsewhere = await LoopbackServer.StartAsync((_, _) => Task.CompletedTask);
        var target = new Uri(elsewhere.BaseUrl, "ONC/OutboundNotificationsCampaignsService.svc").AbsoluteUri;
        await using var client = new OncClient(Onc.Options());
        Onc.Handle = exchange => RedirectAsync(exchange, "OpenAPISession", target);

        var error = await Assert.ThrowsAsync<AccessTokenException>(() => client.GetCampaignsAsync().WaitAsync(Bound.Test));

        Assert.Equal(DeliveryState.NotSent, error.Delivery);
        Assert.Equal(target, Assert.IsType<RedirectRefusedException>(error.InnerException).Location);
        Assert.Empty(elsewhere.Requests);
        Assert.Equal(0, Onc.Count("GetCampaigns"));
    }

    private static Task<bool> RedirectAsync(Exchange exchange, string operation, string location)
    {
        if (exchange.Operation != operation)
            return Task.FromResult(false);
        exchange.Context.Response.StatusCode = 307;
        exchange.Context.Response.Headers.Location = location;
        return Task.FromResult(true);
    }
}
