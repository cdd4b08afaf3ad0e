using Contracts.Hostile.Tests.Infrastructure;
using Contracts.Onc;

namespace Contracts.Hostile.Tests.Onc;

/// <summary>
/// The first ONC calls of a process build WCF's channel and its XML serializers by reflection and JIT-compile the
/// path, which takes seconds on a loaded machine: a test whose client has the hosts' Timeout of two seconds would spend
/// it on that compilation and fail by timing out before the behaviour it tests. Every <see cref="OncHost"/> test waits
/// for one warm-up of the process first: each operation the tests lean on, once, on a server of its own that answers
/// as ONC does, with the default Timeout.
/// </summary>
internal static class OncColdStart
{
    private static readonly Lazy<Task> Warm = new(WarmAsync);

    /// <summary>Completes once the process has made each kind of call once.</summary>
    public static Task WarmedAsync() => Warm.Value;

    private static async Task WarmAsync()
    {
        await using var server = await HostileServer.StartAsync();
        server.Respond((request, exchange) => OncHost.OperationOf(request) switch
        {
            OncHost.Open => OncHost.AnswerAsync(exchange, OncHost.OpenAnswer(0, null, "onc-session-warm-up")),
            OncHost.Listing => OncHost.AnswerAsync(exchange, OncHost.ListingAnswer(OncHost.Campaign)),
            OncHost.AddContact => OncHost.AnswerAsync(exchange, OncHost.CodeAnswer(OncHost.AddContact, 0)),
            OncHost.Close => OncHost.AnswerAsync(exchange, OncHost.CloseAnswer()),
            _ => exchange.RespondAsync(404),
        });
        await using var client = new OncClient(OncHost.OptionsFor(server, o => o.Timeout = new OncClientOptions().Timeout));
        await client.GetCampaignListingAsync();
        await client.AddCampaignContactAsync(OncHost.NewContact("+15550999"));
    }
}
