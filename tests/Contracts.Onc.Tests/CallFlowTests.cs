using Contracts.Core;
using Contracts.Onc.Http;

namespace Contracts.Onc.Tests;

/// <summary>
/// A call puts its deadline and each request's context on the async flow and does not take them back: the async
/// method that made the call drops them when it ends. So nothing of a call may reach what its caller does next, nor
/// another request made while it runs: a later call on another client keeps its own deadline, every request is
/// retried by its own operation, and the caller's flow holds no request's context after a call, however it made it.
/// </summary>
public sealed class CallFlowTests : FakeOncTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

    /// <summary>Ways a caller makes an ONC call: awaited, blocked on, run on the pool, continued from.</summary>
    public static TheoryData<string> Callers => new() { "await", "blocking", "Task.Run", "ContinueWith", "failing", "reopening", "batch", "close" };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Nothing_of_a_call_reaches_what_the_caller_does_next(string caller)
    {
        await using var shortLived = new OncClient(Onc.Options(o => o.Timeout = Short));
        await using var next = new OncClient(Onc.Options(o => o.Timeout = TimeSpan.FromSeconds(30)));

        await CallThenCallAgainAsync(shortLived, caller, next);

        Assert.Null(OncCallContext.Current);
    }

    [Fact]
    public async Task Concurrent_calls_on_one_client_are_each_retried_by_their_own_operation()
    {
        await using var client = new OncClient(Onc.Options(o => o.MaxRetries = 2));
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        // Every attempt of a read and of an add is answered 503: each read is sent three times, each add once.
        Onc.Intercept = (operation, _) => operation is "GetCampaigns" or "AddCampaignContact" ? (503, "text/html", "<html>busy</html>") : null;

        var reads = Enumerable.Range(0, 4).Select(_ => (Task)client.GetCampaignsAsync());
        var adds = Enumerable.Range(0, 4).Select(i => client.AddCampaignContactAsync(Samples.NewContact($"+1555080{i}")));
        var all = reads.Concat(adds).ToArray();
        await Task.WhenAll(all).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(Bound.Test);

        Assert.All(all, failed => Assert.Equal(503, Assert.IsType<OncException>(failed.Exception!.InnerException).StatusCode));
        Assert.Equal(4, Onc.Count("AddCampaignContact"));
        Assert.Equal(12, Onc.Count("GetCampaigns"));
    }

    [Fact]
    public async Task After_a_reopen_the_session_check_and_the_resend_are_each_retried_by_their_own_operation()
    {
        await using var client = new OncClient(Onc.Options(o => o.MaxRetries = 2));
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        Onc.ExpireSessions();
        // The session check (a read) is answered 503 once and sent again; the resend of the add once and not again.
        Onc.Intercept = (operation, attempt) => (operation, attempt) is ("GetCampaignListing", 2) or ("AddCampaignContact", 2) ? (503, "text/html", "<html>busy</html>") : null;

        var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550800")).WaitAsync(Bound.Test));

        Assert.Equal((503, DeliveryState.Unknown, "AddCampaignContact"), (error.StatusCode, error.Delivery, error.Operation));
        Assert.Equal(2, Onc.Count("AddCampaignContact"));
        Assert.Equal(3, Onc.Count("GetCampaignListing"));
        Assert.Equal(2, Onc.Count("OpenAPISession"));
    }

    /// <summary>
    /// Makes the call as <paramref name="caller"/> says, then one on <paramref name="next"/> in the same method: what
    /// the first left on the flow reaches only the rest of the method that made it (an async method's changes end
    /// with it), so the second call must be made here, not by the test that awaits this.
    /// </summary>
    private async Task CallThenCallAgainAsync(OncClient client, string caller, OncClient next)
    {
        switch (caller)
        {
            case "await":
                await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
                break;
            case "blocking":
                client.GetCampaignListingAsync().GetAwaiter().GetResult();
                break;
            case "Task.Run":
                await Task.Run(() => client.GetCampaignListingAsync()).WaitAsync(Bound.Test);
                break;
            case "ContinueWith":
                await client.GetCampaignListingAsync().ContinueWith(_ => client.GetCampaignsAsync(), TaskScheduler.Default).Unwrap().WaitAsync(Bound.Test);
                break;
            case "failing":
                Onc.Intercept = (operation, _) => operation == "GetCampaigns" ? (503, "text/html", "<html>busy</html>") : null;
                await Assert.ThrowsAsync<OncException>(() => client.GetCampaignsAsync().WaitAsync(Bound.Test));
                Onc.Intercept = (_, _) => null;
                break;
            case "reopening":
                await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
                Onc.ExpireSessions();
                await client.AddCampaignContactAsync(Samples.NewContact("+15550800")).WaitAsync(Bound.Test);
                break;
            case "batch":
                var report = await client.AddCampaignContactsAsync([Samples.NewContact("+15550801"), Samples.NewContact("+15550802")]).WaitAsync(Bound.Test);
                Assert.Equal(2, report.AcceptedCount);
                break;
            case "close":
                await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
                await client.CloseSessionAsync().WaitAsync(Bound.Test);
                break;
        }

        Assert.Null(OncCallContext.Current);
        // Past the first client's deadline: a deadline left on this flow would end the next call before it starts.
        await Task.Delay(Short + TimeSpan.FromMilliseconds(300));
        Assert.Equal([Samples.SpringCampaign], await next.GetCampaignListingAsync().WaitAsync(Bound.Test));
    }
}
