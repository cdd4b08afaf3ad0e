using System.Diagnostics;
using System.Text;
using Contracts.Core;

namespace Contracts.Onc.Tests;

/// <summary>
/// OncClientOptions.Timeout bounds a whole call — the session it opens or waits for, the operation, the session
/// check, a reopen, the resend — and the caller's token ends it at any step, with the SDK's typed errors.
/// </summary>
public sealed class WholeCallDeadlineTests : FakeOncTests
{
    [Fact]
    public async Task Headers_then_silence_ends_within_the_timeout_with_VendorTimeoutException()
    {
        await using var client = new OncClient(Onc.Options(o => o.Timeout = TimeSpan.FromSeconds(1)));
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        Onc.Handle = async exchange =>
        {
            if (exchange.Operation != "GetCampaigns")
                return false;
            exchange.Context.Response.StatusCode = 200;
            exchange.Context.Response.ContentType = "text/xml; charset=utf-8";
            await exchange.Context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"));
            await exchange.Context.Response.Body.FlushAsync();
            await FakeOnc.StallAsync(exchange.Context);
            return true;
        };
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<VendorTimeoutException>(() => client.GetCampaignsAsync().WaitAsync(Bound.Test));

        Assert.True(clock.Elapsed < Bound.Test / 2, $"took {clock.Elapsed}");
        Assert.Equal((TimeSpan.FromSeconds(1), DeliveryState.Unknown), (error.Timeout, error.Delivery));
        Assert.Equal(1, Onc.Count("GetCampaigns")); // a read, but a timeout is not retried: the deadline has passed
    }

    [Fact]
    public async Task The_timeout_bounds_the_call_as_a_whole_not_each_of_its_requests()
    {
        // The WCF path is compiled first, by another client: on a loaded machine a cold first call could spend the
        // whole Timeout before its first request reaches the service, and prove nothing.
        await using (var warm = new OncClient(Onc.Options()))
            await warm.GetCampaignsAsync().WaitAsync(Bound.Test);
        var opensBefore = Onc.Count("OpenAPISession");

        // Each request takes 1 s, well inside the 2.5 s Timeout; a call on a session the service forgets takes five
        // of them (open, the call, the session check, a reopen, the resend), far beyond it.
        Onc.ForgetSessionsAtOnce = true;
        Onc.OpenDelay = Onc.CallDelay = TimeSpan.FromSeconds(1);
        await using var client = new OncClient(Onc.Options(o => o.Timeout = TimeSpan.FromSeconds(2.5)));

        var error = await Assert.ThrowsAnyAsync<VendorApiException>(() => client.GetCampaignsAsync().WaitAsync(Bound.Test));

        // The deadline passes during GetCampaigns (a timeout) or during the session check after its missing list: a
        // check cut short proves nothing, so the call's own refusal stands.
        Assert.True(error is VendorTimeoutException or OncException { Operation: "GetCampaigns", Code: null, Delivery: DeliveryState.Refused }, error.ToString());
        Assert.Equal(1, Onc.Count("OpenAPISession") - opensBefore); // the deadline passed before the reopen
    }

    [Fact]
    public async Task A_stalled_OpenAPISession_fails_the_first_call_within_its_deadline_and_the_next_call_opens_a_session()
    {
        Onc.Handle = async exchange =>
        {
            if (exchange is not { Operation: "OpenAPISession", Attempt: 1 })
                return false;
            await FakeOnc.StallAsync(exchange.Context);
            return true;
        };
        await using var client = new OncClient(Onc.Options(o => o.Timeout = TimeSpan.FromSeconds(1)));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<VendorApiException>(() => client.GetCampaignListingAsync().WaitAsync(Bound.Test));

        Assert.True(clock.Elapsed < Bound.Test / 2, $"took {clock.Elapsed}");
        Assert.True(error is AccessTokenException or VendorTimeoutException, error.GetType().Name);
        Assert.Equal(DeliveryState.NotSent, error.Delivery);
        Assert.Equal(0, Onc.Count("GetCampaignListing"));

        Assert.Equal([Samples.SpringCampaign], await client.GetCampaignListingAsync().WaitAsync(Bound.Test));
        Assert.Equal(2, Onc.Count("OpenAPISession"));
        Assert.Equal(1, Onc.Count("GetCampaignListing"));
    }

    [Fact]
    public async Task Cancelling_a_call_that_waits_for_a_session_another_call_opens_sends_nothing_of_it()
    {
        var releaseOpen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Onc.Handle = async exchange =>
        {
            if (exchange.Operation == "OpenAPISession")
                await releaseOpen.Task.WaitAsync(exchange.Context.RequestAborted);
            return false;
        };
        await using var client = new OncClient(Onc.Options());
        var first = client.GetCampaignListingAsync();
        using var cancel = new CancellationTokenSource();

        var waiting = client.GetCampaignsAsync(cancel.Token);
        await cancel.CancelAsync();
        var error = await Assert.ThrowsAsync<VendorCallCanceledException>(() => waiting.WaitAsync(Bound.Test));

        Assert.Equal((DeliveryState.NotSent, cancel.Token), (error.Delivery, error.CancellationToken));
        releaseOpen.SetResult();
        Assert.Single(await first.WaitAsync(Bound.Test)); // the open it joined goes on for the others
        Assert.Equal(0, Onc.Count("GetCampaigns"));
        Assert.Equal(1, Onc.Count("OpenAPISession"));
    }

    [Fact]
    public async Task Cancelling_a_request_on_the_wire_throws_VendorCallCanceledException_with_the_callers_token_and_unknown_delivery()
    {
        await using var client = new OncClient(Onc.Options());
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Onc.Handle = async exchange =>
        {
            if (exchange.Operation != "AddCampaignContact")
                return false;
            received.SetResult();
            await FakeOnc.StallAsync(exchange.Context);
            return true;
        };
        using var cancel = new CancellationTokenSource();

        var adding = client.AddCampaignContactAsync(Samples.NewContact("+15550700"), cancel.Token);
        await received.Task.WaitAsync(Bound.Test);
        await cancel.CancelAsync();
        var error = await Assert.ThrowsAsync<VendorCallCanceledException>(() => adding.WaitAsync(Bound.Test));

        Assert.Equal((DeliveryState.Unknown, cancel.Token), (error.Delivery, error.CancellationToken));
        Assert.Equal(1, Onc.Count("AddCampaignContact"));
    }

    [Fact]
    public async Task A_connection_dropped_after_the_request_is_VendorTransportException_with_unknown_delivery()
    {
        await using var client = new OncClient(Onc.Options());
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        Onc.Handle = exchange =>
        {
            if (exchange.Operation != "AddCampaignContact")
                return Task.FromResult(false);
            exchange.Context.Abort();
            return Task.FromResult(true);
        };

        var error = await Assert.ThrowsAsync<VendorTransportException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550701")).WaitAsync(Bound.Test));

        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        Assert.Equal(1, Onc.Count("AddCampaignContact")); // not idempotent: never sent again
    }

    [Fact]
    public async Task An_unreachable_service_is_AccessTokenException_with_nothing_sent_and_no_password()
    {
        var closed = await Contracts.Testing.LoopbackServer.StartAsync((_, _) => Task.CompletedTask);
        var address = closed.BaseUrl;
        await closed.DisposeAsync();
        await using var client = new OncClient(Samples.Options(address, o => o.MaxRetries = 1));

        var error = await Assert.ThrowsAsync<AccessTokenException>(() => client.GetCampaignsAsync().WaitAsync(Bound.Test));

        Assert.Equal(DeliveryState.NotSent, error.Delivery);
        var cause = Assert.IsAssignableFrom<VendorTransportException>(error.InnerException);
        Assert.Equal(DeliveryState.NotSent, cause.Delivery); // the connection failed before the request was written
        Assert.DoesNotContain(FakeOnc.Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_larger_than_the_limit_is_ResponseTooLargeException()
    {
        await using var client = new OncClient(Onc.Options(o => o.MaxResponseSize = 4096));
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        Onc.Handle = async exchange =>
        {
            if (exchange.Operation != "GetCampaigns")
                return false;
            await FakeOnc.AnswerAsync(exchange.Context, 200, $"<GetCampaignsResponse xmlns=\"http://tempuri.org/\"><!--{new string('x', 8192)}--></GetCampaignsResponse>");
            return true;
        };

        var error = await Assert.ThrowsAsync<ResponseTooLargeException>(() => client.GetCampaignsAsync().WaitAsync(Bound.Test));

        Assert.Equal((4096L, 200), (error.Limit, error.StatusCode));
    }

    [Fact]
    public void WCF_timeouts_never_end_a_request_before_the_clients_timeout()
    {
        var options = Onc.Options(o => o.Timeout = TimeSpan.FromSeconds(5));
        var binding = OncBinding.Create(options);
        var unbounded = OncBinding.Create(Onc.Options(o => o.Timeout = Timeout.InfiniteTimeSpan));

        Assert.All(new[] { binding.SendTimeout, binding.ReceiveTimeout, binding.OpenTimeout, binding.CloseTimeout }, t => Assert.True(t > options.Timeout, $"{t}"));
        Assert.Equal(TimeSpan.MaxValue, unbounded.SendTimeout);
        Assert.Equal(options.MaxResponseBytes, binding.MaxReceivedMessageSize);
    }
}
