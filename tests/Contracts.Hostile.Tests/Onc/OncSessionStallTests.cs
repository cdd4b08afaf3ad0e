using System.Diagnostics;
using Contracts.Core;

namespace Contracts.Hostile.Tests.Onc;

/// <summary>
/// An OpenAPISession the server reads and never answers fails the call within its Timeout, before anything of the
/// call itself is sent; the next call opens a session of its own and succeeds.
/// </summary>
public sealed class OncSessionStallTests : OncHost
{
    [Fact]
    public async Task A_stalled_session_open_fails_the_first_call_within_its_timeout_and_the_next_call_succeeds()
    {
        var opens = 0;
        OpenScript = (_, exchange) => Interlocked.Increment(ref opens) == 1
            ? exchange.NeverAnswerAsync()
            : AnswerAsync(exchange, OpenAnswer(0, null, IssueSession()));
        await using var client = Client();
        var clock = Stopwatch.StartNew();

        var thrown = await Guarantees.FailsWithin(() => client.AddCampaignContactAsync(NewContact("+15550400")));

        var elapsed = clock.Elapsed;
        var error = Assert.IsAssignableFrom<VendorApiException>(thrown);
        Assert.True(error is AccessTokenException or VendorTimeoutException, error.ToString());
        Assert.True(elapsed < TimeSpan.FromSeconds(12), $"took {elapsed}"); // far from forever on a noisy machine
        Assert.Equal(DeliveryState.NotSent, error.Delivery);
        Assert.Empty(AddContactRequests);
        Guarantees.NoSecretIn(error, Secrets);

        await client.AddCampaignContactAsync(NewContact("+15550401")).WaitAsync(Guarantees.Patience);

        Assert.Equal(2, OpenRequests.Count);
        var added = Assert.Single(AddContactRequests);
        Assert.Equal(Assert.Single(Sessions), SessionOf(added));
    }
}
