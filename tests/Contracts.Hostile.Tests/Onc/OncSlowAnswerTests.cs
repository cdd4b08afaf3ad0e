using System.Diagnostics;
using System.Text;
using Contracts.Core;
using Contracts.Hostile.Tests.Infrastructure;

namespace Contracts.Hostile.Tests.Onc;

/// <summary>
/// OncClientOptions.Timeout (2 s here) bounds the whole AddCampaignContact call whatever the server does after reading
/// it: headers then silence, a body that trickles, a body without end. The contact was read, so its delivery is
/// unknown, and it is never sent again.
/// </summary>
public sealed class OncSlowAnswerTests : OncHost
{
    /// <summary>What the call may take beyond its Timeout on two shared cores.</summary>
    // Generous: the machines are shared and noisy; what matters is that the call ends near its deadline, not never.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(8);

    [Theory]
    [InlineData(4096L)]
    [InlineData(null)]
    public async Task Headers_then_silence_ends_within_the_timeout(long? contentLength)
    {
        AddContactScript = (_, exchange) => exchange.SendHeadersThenSilenceAsync(200, contentLength, SoapContentType);

        var error = await CallWithinTimeoutAsync<VendorTimeoutException>();

        Assert.Equal(TimeSpan.FromSeconds(2), error.Timeout);
    }

    [Fact]
    public async Task A_trickling_body_ends_within_the_timeout()
    {
        // A valid start of an envelope, then a comment every 100 ms, chunked and without end: WCF waits for the rest.
        var tick = ChunkedEncoding.Frame("<!-- x -->"u8);
        AddContactScript = async (_, exchange) =>
        {
            await exchange.SendHeadAsync(200, [("Content-Type", SoapContentType), ("Transfer-Encoding", "chunked")]);
            await exchange.SendAsync(ChunkedEncoding.Frame(Encoding.UTF8.GetBytes($"<s:Envelope xmlns:s=\"{Soap}\"><s:Body>")));
            while (!exchange.Aborted.IsCancellationRequested)
            {
                await exchange.SendAsync(tick);
                await Task.Delay(100, exchange.Aborted);
            }
        };

        var error = await CallWithinTimeoutAsync<VendorTimeoutException>();

        Assert.Equal(TimeSpan.FromSeconds(2), error.Timeout);
    }

    [Fact]
    public async Task An_endless_body_ends_within_the_timeout_or_at_the_size_limit()
    {
        AddContactScript = (_, exchange) => exchange.EndlessBodyAsync(200, SoapContentType);

        var error = await CallWithinTimeoutAsync<VendorApiException>();

        Assert.True(error is VendorTimeoutException or ResponseTooLargeException, error.ToString());
    }

    private async Task<T> CallWithinTimeoutAsync<T>()
        where T : VendorApiException
    {
        await using var client = Client(o => o.MaxRetries = 3);
        await client.GetCampaignListingAsync().WaitAsync(Guarantees.Patience); // a session open: the timed call is AddCampaignContact alone
        var clock = Stopwatch.StartNew();

        var thrown = await Guarantees.FailsWithin(() => client.AddCampaignContactAsync(NewContact("+15550100")));

        var elapsed = clock.Elapsed;
        var error = Assert.IsAssignableFrom<T>(thrown);
        Assert.True(elapsed < TimeSpan.FromSeconds(2) + Slack, $"took {elapsed}: {error}");
        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        await Task.Delay(200);
        Assert.Single(AddContactRequests);
        Guarantees.NoSecretIn(error, Secrets);
        return error;
    }
}
