using System.Text;
using Contracts.Core;
using Contracts.Core.Batching;
using Contracts.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static Contracts.Onc.Tests.OncContract;

namespace Contracts.Onc.Tests;

/// <summary>
/// A call the service answered with a failure (an error code, no list, a SOAP fault) is followed by a check of its
/// session (GetCampaignListing). When that check fails itself (it times out, is reset, is answered a 5xx, an answer
/// too large or a redirect, or the caller cancels while it runs) it proves nothing about the session: the caller,
/// and a batch, get the call's own verdict with what it says about delivery, the check's failure is logged, and
/// nothing is sent again.
/// </summary>
public sealed class FailingSessionCheckTests : FakeOncTests
{
    /// <summary>The Timeout of the "timeout" case: the stalled check ends at the call's deadline.</summary>
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(5);

    private readonly FakeLogCollector _logs = new();
    private readonly CancellationTokenSource _caller = new();
    private ILoggerFactory _loggerFactory = null!;
    private LoopbackServer _elsewhere = null!;
    private int _callsBefore;

    public static TheoryData<string> CheckFailures => ["timeout", "reset", "5xx", "too large", "redirect", "cancelled"];

    public static TheoryData<string> ServerCheckFailures => ["timeout", "reset", "5xx", "too large", "redirect"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        _elsewhere = await LoopbackServer.StartAsync((_, _) => Task.CompletedTask);
    }

    public override async Task DisposeAsync()
    {
        Assert.Empty(_elsewhere.Requests); // a redirected check is never followed
        await _elsewhere.DisposeAsync();
        _loggerFactory.Dispose();
        _caller.Dispose();
        await base.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(CheckFailures))]
    public async Task A_refused_contact_whose_session_check_fails_is_the_calls_own_refusal_and_is_not_sent_again(string checkFailure)
    {
        await using var client = await ClientWithSessionAsync(checkFailure);
        Onc.AddContactCode = _ => 17;
        FailChecks(checkFailure);

        var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550870"), _caller.Token).WaitAsync(Bound.Test));

        Assert.Equal(("AddCampaignContact", 17, DeliveryState.Refused), (error.Operation, error.Code, error.Delivery));
        AssertCheckedOnceAndNothingResent("AddCampaignContact", checkFailure);
    }

    [Theory]
    [MemberData(nameof(CheckFailures))]
    public async Task A_missing_list_whose_session_check_fails_is_the_calls_own_refusal(string checkFailure)
    {
        await using var client = await ClientWithSessionAsync(checkFailure);
        Onc.Intercept = (operation, _) => operation == "GetCampaignContacts"
            ? (200, "text/xml; charset=utf-8", $"<s:Envelope xmlns:s=\"{Soap}\"><s:Body><GetCampaignContactsResponse xmlns=\"{Tempuri}\"><GetCampaignContactsResult i:nil=\"true\" xmlns:i=\"{Xsi}\"/></GetCampaignContactsResponse></s:Body></s:Envelope>")
            : null;
        FailChecks(checkFailure);

        var error = await Assert.ThrowsAsync<OncException>(() => client.GetCampaignContactsAsync(Samples.SpringCampaign, _caller.Token).WaitAsync(Bound.Test));

        Assert.Equal(("GetCampaignContacts", null, DeliveryState.Refused), (error.Operation, error.Code, error.Delivery));
        Assert.Contains("without a list", error.Message, StringComparison.Ordinal);
        AssertCheckedOnceAndNothingResent("GetCampaignContacts", checkFailure);
    }

    [Theory]
    [MemberData(nameof(CheckFailures))]
    public async Task A_faulted_contact_whose_session_check_fails_keeps_its_fault_and_is_not_sent_again(string checkFailure)
    {
        await using var client = await ClientWithSessionAsync(checkFailure);
        FaultContacts();
        FailChecks(checkFailure);

        var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550871"), _caller.Token).WaitAsync(Bound.Test));

        AssertTheContactsFault(error);
        AssertCheckedOnceAndNothingResent("AddCampaignContact", checkFailure);
    }

    [Fact]
    public async Task A_faulted_contact_whose_check_faults_too_keeps_its_fault_and_no_new_session_is_opened_for_it()
    {
        await using var client = await ClientWithSessionAsync("fault");
        Onc.FaultEverything = true; // the contact and the check on its session fault: a lost session or a bad moment?

        var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550872")).WaitAsync(Bound.Test));

        AssertTheContactsFault(error);
        // The contact and the check of its session (a fault): nothing more, no new session to test.
        Assert.Equal((1, 1, 0), (Sent("AddCampaignContact"), Sent("GetCampaignListing"), Sent("OpenAPISession")));
        Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 5006 && r.Message.Contains("OncException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_faulted_read_whose_checks_fault_and_whose_new_session_is_refused_keeps_its_fault_not_NotSent()
    {
        await using var client = await ClientWithSessionAsync("fault");
        Onc.FaultEverything = true; // the read and the check on its session fault: a new session is opened to test
        Onc.OpenFailure = (9, "Account locked"); // and refused

        var error = await Assert.ThrowsAsync<OncException>(() => client.GetCampaignsAsync().WaitAsync(Bound.Test));

        Assert.Equal(("GetCampaigns", 500), (error.Operation, error.StatusCode));
        Assert.IsType<System.ServiceModel.FaultException>(error.InnerException);
        // The read, the check of its session (a fault), the new session (refused): nothing more.
        Assert.Equal((1, 1, 1), (Sent("GetCampaigns"), Sent("GetCampaignListing"), Sent("OpenAPISession")));
        Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 5006 && r.Message.Contains("AccessTokenException", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ServerCheckFailures))]
    public async Task Batch_contacts_refused_while_their_session_checks_fail_are_rejected_with_the_services_code(string checkFailure)
    {
        await using var client = await ClientWithSessionAsync(checkFailure, maxConcurrency: 2);
        Onc.AddContactCode = _ => 17;
        FailChecks(checkFailure);
        var contacts = Enumerable.Range(0, 2).Select(i => Samples.NewContact($"+155508{80 + i}")).ToList();

        var report = await client.AddCampaignContactsAsync(contacts).WaitAsync(Bound.Test);

        Assert.Equal((2L, 0L, 0L), (report.RejectedCount, report.UnknownCount, report.NotAttemptedCount));
        Assert.All(report.Rejected, r => Assert.Equal((BatchFailureKind.VendorRejected, "17"), (r.Failure.Kind, r.Failure.ErrorCode)));
        Assert.Equal(contacts.Select(c => c.Id).Order(), report.Rejected.Select(r => r.Item.Id).Order());
        Assert.Equal((2, 0), (Sent("AddCampaignContact"), Sent("OpenAPISession")));
    }

    [Fact]
    public async Task A_batch_contact_faulted_while_its_checks_fail_and_no_session_opens_is_unknown_not_not_attempted()
    {
        await using var client = await ClientWithSessionAsync("fault");
        Onc.FaultEverything = true;
        Onc.OpenFailure = (9, "Account locked");

        var report = await client.AddCampaignContactsAsync([Samples.NewContact("+15550883")]).WaitAsync(Bound.Test);

        Assert.Equal((1L, 0L, 0L), (report.UnknownCount, report.NotAttemptedCount, report.RejectedCount));
        var unknown = Assert.Single(report.Unknown);
        AssertTheContactsFault(Assert.IsType<OncException>(unknown.Failure.Exception));
        Assert.Equal(1, Sent("AddCampaignContact"));
    }

    /// <summary>
    /// A client with an open session (its GetCampaignListing answered), with a short Timeout only where the check is
    /// to time out: the process's WCF path is compiled before the test (see <see cref="ColdStart"/>), so the call
    /// itself ends well within it.
    /// </summary>
    private async Task<OncClient> ClientWithSessionAsync(string checkFailure, int maxConcurrency = 1)
    {
        var client = new OncClient(
            Onc.Options(o =>
            {
                o.MaxRetries = 0;
                o.MaxConcurrency = maxConcurrency;
                o.MaxResponseSize = 64 * 1024;
                if (checkFailure == "timeout")
                    o.Timeout = ShortTimeout;
            }),
            _loggerFactory);
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        _callsBefore = Onc.Calls.Count;
        return client;
    }

    /// <summary>How many <paramref name="operation"/> requests the service received since the client opened its session.</summary>
    private int Sent(string operation) => Onc.Calls.Skip(_callsBefore).Count(c => c.Operation == operation);

    /// <summary>Makes every GetCampaignListing from now on fail as <paramref name="checkFailure"/> says.</summary>
    private void FailChecks(string checkFailure)
    {
        var target = new Uri(_elsewhere.BaseUrl, "ONC/OutboundNotificationsCampaignsService.svc").AbsoluteUri;
        Onc.Handle = async exchange =>
        {
            if (exchange.Operation != "GetCampaignListing")
                return false;
            var response = exchange.Context.Response;
            switch (checkFailure)
            {
                case "timeout":
                    await FakeOnc.StallAsync(exchange.Context);
                    break;
                case "reset":
                    exchange.Context.Abort();
                    break;
                case "5xx":
                    response.StatusCode = 500;
                    response.ContentType = "text/plain";
                    await response.WriteAsync("Internal Server Error");
                    break;
                case "too large":
                    response.StatusCode = 200;
                    response.ContentType = "text/xml; charset=utf-8";
                    response.ContentLength = 1024 * 1024;
                    await response.Body.WriteAsync(Encoding.UTF8.GetBytes($"<s:Envelope xmlns:s=\"{Soap}\"><s:Body>".PadRight(1024 * 1024)));
                    break;
                case "redirect":
                    response.StatusCode = 307;
                    response.Headers.Location = target;
                    break;
                case "cancelled":
                    await _caller.CancelAsync(); // the caller gives up while the check is on the wire
                    await FakeOnc.StallAsync(exchange.Context);
                    break;
            }
            return true;
        };
    }

    /// <summary>Answers every AddCampaignContact with a SOAP fault (HTTP 500): the service may have acted on it.</summary>
    private void FaultContacts()
        => Onc.Intercept = (operation, _) => operation == "AddCampaignContact"
            ? (500, "text/xml; charset=utf-8", $"<s:Envelope xmlns:s=\"{Soap}\"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring xml:lang=\"en-US\">Contact store unavailable</faultstring></s:Fault></s:Body></s:Envelope>")
            : null;

    private static void AssertTheContactsFault(OncException error)
    {
        Assert.Equal(("AddCampaignContact", 500, DeliveryState.Unknown), (error.Operation, error.StatusCode, error.Delivery));
        Assert.IsType<System.ServiceModel.FaultException>(error.InnerException);
    }

    /// <summary>The call went out once, its session was checked once (a failed check is not retried) and logged, and no session was reopened.</summary>
    private void AssertCheckedOnceAndNothingResent(string operation, string checkFailure)
    {
        Assert.Equal((1, 1, 0), (Sent(operation), Sent("GetCampaignListing"), Sent("OpenAPISession")));
        var logged = Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 5006);
        Assert.Contains(operation, logged.Message, StringComparison.Ordinal);
        if (checkFailure == "cancelled")
            Assert.Contains(nameof(VendorCallCanceledException), logged.Message, StringComparison.Ordinal);
    }
}
