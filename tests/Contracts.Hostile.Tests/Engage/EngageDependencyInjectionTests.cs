using Contracts.Core;
using Contracts.Engage;
using Contracts.Hostile.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Contracts.Hostile.Tests.Engage;

/// <summary>
/// The same guarantees through <c>services.AddEngageClient(...)</c>: IHttpClientFactory's default transport follows
/// redirects itself, before any handler could refuse them, so the registration must replace it.
/// </summary>
public sealed class EngageDependencyInjectionTests : EngageHost
{
    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_redirected_push_through_the_container_is_refused_and_the_token_never_reaches_the_other_server(int status)
    {
        await using var elsewhere = await HostileServer.StartAsync();
        elsewhere.Respond((_, exchange) => exchange.RespondAsync(200, PushSuccess));
        PushScript = (_, exchange) => exchange.RedirectAsync(status, new Uri(elsewhere.BaseUrl, PushPath.TrimStart('/')).ToString());
        await using var provider = Provider();
        var client = provider.GetRequiredService<IEngageClient>();

        var error = await Guarantees.ThrowsWithin<RedirectRefusedException>(() => ((EngageClient)client).PushAsync(Push(), OneDestination()));

        Assert.Equal(status, error.StatusCode);
        Assert.Empty(elsewhere.Requests);
        Assert.Single(PushRequests);
        Guarantees.NoSecretIn(error, ClientSecret, Token);
    }

    [Fact]
    public async Task A_push_whose_answer_never_completes_ends_within_the_timeout_through_the_container()
    {
        PushScript = (_, exchange) => exchange.SendHeadersThenSilenceAsync(200, contentLength: 100);
        await using var provider = Provider();
        var client = (EngageClient)provider.GetRequiredService<IEngageClient>();

        var error = await Guarantees.ThrowsWithin<VendorTimeoutException>(() => client.PushAsync(Push(), OneDestination()));

        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        Assert.Single(PushRequests);
    }

    [Fact]
    public async Task A_503_to_a_push_through_the_container_is_not_sent_again()
    {
        PushScript = (_, exchange) => exchange.RespondAsync(503, "{}");
        await using var provider = Provider();
        var client = (EngageClient)provider.GetRequiredService<IEngageClient>();

        var error = await Guarantees.ThrowsWithin<EngageException>(() => client.PushAsync(Push(), OneDestination()));

        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        Assert.Single(PushRequests);
    }

    private ServiceProvider Provider()
    {
        var services = new ServiceCollection();
        services.AddEngageClient(o =>
        {
            var configured = Options();
            o.BaseUrl = configured.BaseUrl;
            o.ClientId = configured.ClientId;
            o.ClientSecret = configured.ClientSecret;
            o.Timeout = configured.Timeout;
            o.RetryDelay = configured.RetryDelay;
        });
        return services.BuildServiceProvider();
    }
}
