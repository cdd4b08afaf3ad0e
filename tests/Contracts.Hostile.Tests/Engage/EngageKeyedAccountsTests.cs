using Contracts.Engage;
using Contracts.Hostile.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Contracts.Hostile.Tests.Engage;

/// <summary>
/// Keyed accounts in one container each keep their own options, tokens and connections, whatever their keys: a key
/// may spell what the registration derives from another key (its token client's name, say).
/// </summary>
public sealed class EngageKeyedAccountsTests : EngageHost
{
    private const string OtherClientId = "client-of-account-x";

    [Theory]
    [InlineData("x", "x.Token")]
    [InlineData("x.Token", "x")]
    [InlineData("x", "x:Token")]
    public async Task Two_accounts_whose_keys_spell_each_others_client_names_each_reach_only_their_own_vendor(string otherKey, string key)
    {
        // Account otherKey talks to another server with another client id; account key to this one.
        await using var other = await HostileServer.StartAsync();
        other.Respond((request, exchange) => request.Path switch
        {
            TokenPath => exchange.RespondAsync(200, TokenAnswer()),
            PushPath => exchange.RespondAsync(200, PushSuccess),
            _ => exchange.RespondAsync(404),
        });
        var services = new ServiceCollection();
        services.AddEngageClient(otherKey, o => Configure(o, other.BaseUrl, OtherClientId));
        services.AddEngageClient(key, o => Configure(o, Server.BaseUrl, ClientId));
        await using var provider = services.BuildServiceProvider();
        var otherAccount = (EngageClient)provider.GetRequiredKeyedService<IEngageClient>(otherKey);
        var account = (EngageClient)provider.GetRequiredKeyedService<IEngageClient>(key);

        Assert.True((await otherAccount.PushAsync(Push(), OneDestination()).WaitAsync(Guarantees.Patience)).IsSuccess);
        Assert.True((await account.PushAsync(Push(), OneDestination()).WaitAsync(Guarantees.Patience)).IsSuccess);

        Assert.Equal([TokenPath, PushPath], other.Requests.Select(r => r.Path));
        Assert.Contains(OtherClientId, other.RequestsTo(TokenPath)[0].BodyText, StringComparison.Ordinal);
        Assert.Equal([TokenPath, PushPath], Server.Requests.Select(r => r.Path));
        Assert.Contains(ClientId, TokenRequests[0].BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherClientId, TokenRequests[0].BodyText, StringComparison.Ordinal);
    }

    private void Configure(EngageClientOptions options, Uri baseUrl, string clientId)
    {
        var configured = Options();
        options.BaseUrl = baseUrl;
        options.ClientId = clientId;
        options.ClientSecret = configured.ClientSecret;
        options.Timeout = configured.Timeout;
        options.RetryDelay = configured.RetryDelay;
    }
}
