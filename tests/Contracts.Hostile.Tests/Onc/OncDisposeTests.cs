using System.Reflection;
using System.ServiceModel;
using Contracts.Onc;

namespace Contracts.Hostile.Tests.Onc;

/// <summary>Disposing an ONC client closes its session and its connections, whatever closing WCF's channel throws.</summary>
public sealed class OncDisposeTests : OncHost
{
    [Fact]
    public async Task A_wcf_channel_that_fails_to_close_unexpectedly_still_leaves_no_connection_open_and_the_failure_is_reported()
    {
        // A generous timeout: the first WCF call of a process builds its serializers.
        var client = Client(o => o.Timeout = TimeSpan.FromSeconds(25));
        await client.GetCampaignListingAsync().WaitAsync(Guarantees.Patience);
        Assert.Equal(1, Server.OpenConnections); // kept alive for the next call
        var closeFailure = new InvalidOperationException("closing the channel failed");
        ServiceOf(client).Closing += (_, _) => throw closeFailure;

        // WCF reports a failing close handler as its own (internal) CallbackException, which is no CommunicationException.
        var reported = await Assert.ThrowsAnyAsync<Exception>(() => client.DisposeAsync().AsTask().WaitAsync(Guarantees.Patience));

        Assert.Equal("CallbackException", reported.GetType().Name);
        Assert.Same(closeFailure, reported.InnerException);
        Assert.Single(RequestsFor(Close));
        // The client's own socket transport was disposed: the server sees its connection closed.
        await WaitUntilAsync(() => Server.OpenConnections == 0);
    }

    /// <summary>WCF's client inside <paramref name="client"/> (private: nothing public can make its close fail).</summary>
    private static ICommunicationObject ServiceOf(OncClient client)
        => (ICommunicationObject)typeof(OncClient).GetField("_service", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(client)!;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(Guarantees.Patience);
        while (!condition())
            await Task.Delay(20, patience.Token);
    }
}
