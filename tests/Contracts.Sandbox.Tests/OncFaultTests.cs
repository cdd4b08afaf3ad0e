using Contracts.Core;
using Contracts.Core.Batching;
using Contracts.Onc;
using Contracts.Sandbox.Faults;
using Contracts.Sandbox.Onc;

namespace Contracts.Sandbox.Tests;

/// <summary>
/// Each fault the sandbox injects makes the ONC client behave as promised: retry, reopen the session once, or a clear
/// error (with the HTTP status, without a credential) with nothing lost.
/// </summary>
public sealed class OncFaultTests : IAsyncLifetime
{
    private static readonly Guid Campaign = OncSandboxOptions.DemoCampaign;
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private OncClient Client(Action<OncClientOptions>? configure = null)
    {
        var options = _sandbox.CreateOncClientOptions();
        options.RetryDelay = TimeSpan.Zero;
        configure?.Invoke(options);
        return new OncClient(options);
    }

    private static IEnumerable<OutboundNotificationContactInfo> Contacts(int count) => Enumerable.Range(0, count).Select(i => new OutboundNotificationContactInfo
    {
        Id = Guid.NewGuid(),
        CampaignId = Campaign,
        SMSCommInfo = new CommunicationInfo { Destination = $"+1555{i:D7}", RetryCount = 2 },
    });

    /// <summary>What an exception shows anyone who logs it: its text, its inner exceptions' text, everything.</summary>
    private void AssertNoCredential(Exception error)
    {
        var text = error.ToString();
        Assert.DoesNotContain(_sandbox.Options.Onc.Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(_sandbox.Options.Onc.UserName, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_with_retry_after_is_retried_and_the_call_succeeds()
    {
        await using var client = Client();
        await client.GetCampaignListingAsync();
        _sandbox.Onc.Faults.Enqueue(SandboxFault.TooManyRequests(TimeSpan.FromSeconds(1)), times: 2);

        var campaigns = await client.GetCampaignsAsync();

        Assert.Equal(2, campaigns.Count);
        Assert.Equal(1, _sandbox.Onc.CallsTo("GetCampaigns")); // the two refused attempts never reached the service
    }

    [Fact]
    public async Task A_503_is_retried_and_past_the_retries_is_an_OncException_with_the_status()
    {
        await using var client = Client(o => o.MaxRetries = 1);
        await client.GetCampaignListingAsync();
        _sandbox.Onc.Faults.Enqueue(SandboxFault.ServerError(503));
        Assert.Equal(2, (await client.GetCampaignsAsync()).Count);

        _sandbox.Onc.Faults.Enqueue(SandboxFault.ServerError(503), times: 2);
        var error = await Assert.ThrowsAsync<OncException>(() => client.GetCampaignsAsync());

        Assert.Equal((503, "GetCampaigns"), (error.StatusCode, error.Operation));
        AssertNoCredential(error);
    }

    [Fact]
    public async Task A_500_that_is_not_a_soap_fault_is_not_retried_and_is_an_OncException_with_the_status()
    {
        await using var client = Client();
        await client.GetCampaignListingAsync();
        _sandbox.Onc.Faults.Enqueue(SandboxFault.ServerError(500));

        var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Contacts(1).Single()));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(1, _sandbox.Onc.ContactCount(Campaign)); // only the contact the sandbox starts with: nothing was added
        AssertNoCredential(error);
    }

    [Fact]
    public async Task An_html_error_page_instead_of_a_session_is_an_AccessTokenException_with_the_status_and_no_credential()
    {
        await using var client = Client(o => o.MaxRetries = 0);
        _sandbox.Onc.Faults.Enqueue(SandboxFault.HtmlErrorPage(502));

        var error = await Assert.ThrowsAsync<AccessTokenException>(() => client.GetCampaignsAsync());

        Assert.Equal((502, DeliveryState.NotSent), (error.StatusCode, error.Delivery));
        Assert.Contains("HTTP 502", error.Message, StringComparison.Ordinal);
        Assert.True(Assert.IsType<OncException>(error.InnerException).IsSessionFailure); // the page answered OpenAPISession: no session, nothing else sent
        Assert.Equal(0, _sandbox.Onc.CallsTo("GetCampaigns"));
        AssertNoCredential(error);
    }

    [Fact]
    public async Task A_malformed_answer_is_an_OncException_with_the_status_and_no_credential()
    {
        await using var client = Client();
        await client.GetCampaignListingAsync();
        _sandbox.Onc.Faults.Enqueue(SandboxFault.Malformed("text/xml; charset=utf-8"));

        var error = await Assert.ThrowsAsync<OncException>(() => client.GetCampaignsAsync());

        Assert.Equal((200, "GetCampaigns"), (error.StatusCode, error.Operation));
        AssertNoCredential(error);
        Assert.Equal(2, (await client.GetCampaignsAsync()).Count); // the client still works
    }

    [Fact]
    public async Task A_service_slower_than_the_timeout_is_a_VendorTimeoutException_and_a_batch_reports_every_contact_unknown()
    {
        // The timeout also bounds the first call (a cold client: its token, then the call, JIT-compiled on a machine
        // that may be loaded by other builds): 6 s leaves it room, while the vendor's delay stays far beyond it.
        await using var client = Client(o => { o.Timeout = TimeSpan.FromSeconds(6); o.MaxConcurrency = 2; });
        await client.GetCampaignListingAsync();
        _sandbox.Onc.Faults.Delay = TimeSpan.FromSeconds(60);

        var error = await Assert.ThrowsAsync<VendorTimeoutException>(() => client.GetCampaignsAsync().WaitAsync(TimeSpan.FromSeconds(45)));
        var report = await client.AddCampaignContactsAsync(Contacts(4)).WaitAsync(TimeSpan.FromSeconds(45));

        Assert.Equal((TimeSpan.FromSeconds(6), DeliveryState.Unknown), (error.Timeout, error.Delivery));
        Assert.Equal(4, report.TotalCount);
        Assert.Equal(4, report.UnknownCount); // each was sent and may have been added: none lost, none to be sent again blindly
        Assert.All(report.Unknown, r => Assert.Equal(BatchFailureKind.TransportError, r.Failure.Kind));
    }

    [Fact]
    public async Task A_session_expiring_mid_run_is_reopened_once_and_every_contact_is_added()
    {
        await using var client = Client(o => o.MaxConcurrency = 4);
        _sandbox.Onc.Faults.ExpireCredentialsAfter(requests: 40);

        var report = await client.AddCampaignContactsAsync(Contacts(200));

        Assert.Equal(200, report.AcceptedCount);
        Assert.Equal(2, _sandbox.Onc.SessionsOpened);
        Assert.Equal(201, _sandbox.Onc.ContactCount(Campaign)); // 200 added to the one the sandbox starts with: none lost, none twice
    }

    [Fact]
    public async Task A_contact_answered_by_a_gateway_error_is_reported_unknown_alone_and_the_others_go_through()
    {
        await using var client = Client(o => { o.MaxRetries = 0; o.MaxConcurrency = 1; });
        await client.GetCampaignListingAsync();
        _sandbox.Onc.Faults.Enqueue(SandboxFault.HtmlErrorPage(502));

        var report = await client.AddCampaignContactsAsync(Contacts(10));

        // A 5xx does not say whether the service added the contact: unknown, not rejected.
        Assert.Equal((9, 1, 0), (report.AcceptedCount, report.UnknownCount, report.RejectedCount));
        Assert.Equal(502, Assert.Single(report.Unknown).Failure.StatusCode);
        Assert.Equal(10, _sandbox.Onc.ContactCount(Campaign));
    }

    [Fact]
    public async Task Refused_credentials_leave_every_contact_not_attempted()
    {
        await using var client = Client(o => o.Password = "wrong-password");

        var report = await client.AddCampaignContactsAsync(Contacts(25));

        Assert.Equal(25, report.NotAttemptedCount);
        var failure = report.NotAttempted.First().Failure;
        Assert.Equal((BatchFailureKind.AuthenticationFailed, OncSandboxErrorCodes.InvalidCredentials.ToString()), (failure.Kind, failure.ErrorCode));
        Assert.DoesNotContain("wrong-password", failure.Exception!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, _sandbox.Onc.CallsTo("AddCampaignContact"));
    }
}
