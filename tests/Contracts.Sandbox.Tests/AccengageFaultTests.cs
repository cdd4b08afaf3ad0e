using Contracts.Accengage;
using Contracts.Core.Batching;
using Contracts.Sandbox.Accengage;
using Contracts.Sandbox.Faults;

namespace Contracts.Sandbox.Tests;

/// <summary>Each fault the sandbox injects makes the Accengage client behave as promised: retry, refresh, or a clear AccengageException with nothing lost.</summary>
public sealed class AccengageFaultTests : IAsyncLifetime
{
    private static readonly MessageData Message = new() { ParentMessageId = AccengageDemoAccount.MessageId };
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private AccengageClient Client(Action<AccengageClientOptions>? configure = null)
    {
        var options = _sandbox.CreateAccengageClientOptions();
        options.RetryDelay = TimeSpan.Zero;
        configure?.Invoke(options);
        return new AccengageClient(options);
    }

    private static IEnumerable<Target> Targets(int count) => Enumerable.Range(0, count).Select(i => new Target { DeviceId = $"device-{i:D6}" });

    [Fact]
    public async Task Throttling_with_retry_after_is_retried_and_the_call_succeeds()
    {
        using var client = Client();
        await client.GetMeAsync();
        _sandbox.Accengage.Faults.Enqueue(SandboxFault.TooManyRequests(TimeSpan.FromSeconds(1)), times: 2);

        var campaign = await client.GetCampaignAsync("myPartnerId", AccengageDemoAccount.CampaignId);

        Assert.Equal("Summer sales", campaign.Name);
    }

    [Fact]
    public async Task Server_errors_past_the_retries_are_a_clear_error_with_the_status()
    {
        using var client = Client(o => o.MaxRetries = 1);
        await client.GetMeAsync();
        _sandbox.Accengage.Faults.Enqueue(SandboxFault.ServerError(503), times: 2);

        var error = await Assert.ThrowsAsync<AccengageException>(() => client.SendInstantMessageAsync("myPartnerId", new InstantMessage { ParentMessageId = AccengageDemoAccount.MessageId, Targets = [.. Targets(3)] }));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(0, _sandbox.Accengage.InstantMessageRequests);
    }

    [Fact]
    public async Task In_a_batch_a_request_answered_by_a_failing_gateway_is_unknown_and_the_others_go_through()
    {
        using var client = Client(o => { o.MaxRetries = 0; o.MaxConcurrency = 1; });
        await client.GetMeAsync();
        _sandbox.Accengage.Faults.Enqueue(SandboxFault.HtmlErrorPage(502));

        var report = await client.SendInstantMessageToAllAsync(Message, Targets(450));

        Assert.Equal(450, report.TotalCount);
        Assert.Equal(350, report.AcceptedCount);
        // A 502 does not say whether Accengage got the request: its targets may have been sent to.
        Assert.Equal(100, report.UnknownCount);
        Assert.All(report.Unknown, r => Assert.Equal(502, r.Failure.StatusCode));
        Assert.Equal(350, _sandbox.Accengage.InstantMessageTargets);
    }

    [Fact]
    public async Task A_malformed_answer_is_a_clear_error_naming_the_status()
    {
        using var client = Client();
        await client.GetMeAsync();
        _sandbox.Accengage.Faults.Enqueue(SandboxFault.Malformed());

        var error = await Assert.ThrowsAsync<AccengageException>(() => client.GetCampaignAsync("myPartnerId", AccengageDemoAccount.CampaignId));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("Could not deserialize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vendor_slower_than_the_timeout_is_reported_without_losing_targets()
    {
        // The timeout also bounds the first call (a cold client: its token, then the call, JIT-compiled on a machine
        // that may be loaded by other builds): 6 s leaves it room, while the vendor's delay stays far beyond it.
        using var client = Client(o => { o.Timeout = TimeSpan.FromSeconds(6); o.MaxConcurrency = 1; o.MaxRetries = 0; });
        await client.GetMeAsync();
        _sandbox.Accengage.Faults.Delay = TimeSpan.FromSeconds(60);

        var report = await client.SendInstantMessageToAllAsync(Message, Targets(150));

        Assert.Equal(150, report.TotalCount);
        Assert.Equal(0, report.AcceptedCount);
        Assert.All(report.Rejected.Concat(report.NotAttempted), r => Assert.Equal(BatchFailureKind.TransportError, r.Failure.Kind));
    }

    [Fact]
    public async Task Tokens_expiring_mid_batch_are_refreshed_once_and_every_target_is_accepted()
    {
        using var client = Client(o => o.MaxConcurrency = 2);
        _sandbox.Accengage.Faults.ExpireCredentialsAfter(requests: 5);

        var report = await client.SendInstantMessageToAllAsync(Message, Targets(2_000));

        Assert.Equal(2_000, report.AcceptedCount);
        Assert.Equal(2, _sandbox.Accengage.TokenRequests);
        Assert.Equal(2_000, _sandbox.Accengage.InstantMessageTargets);
        Assert.Equal(20, _sandbox.Accengage.InstantMessageRequests);
    }

    [Fact]
    public async Task Tokens_expiring_mid_paging_are_refreshed_once_and_no_page_is_lost()
    {
        using var client = Client();
        _sandbox.Accengage.Faults.ExpireCredentialsAfter(requests: 2);

        var ids = await client.EnumerateCampaignsAsync().Select(c => c.Id!.Value).ToListAsync();

        Assert.Equal(Enumerable.Range(1, AccengageDemoAccount.CampaignCount).Select(i => (long)i), ids);
        Assert.Equal(2, _sandbox.Accengage.TokenRequests);
    }

    [Fact]
    public async Task A_refused_api_key_leaves_every_target_not_attempted()
    {
        using var client = Client(o => o.ApiKey = "not-the-key");

        var report = await client.SendInstantMessageToAllAsync(Message, Targets(250));

        Assert.Equal(250, report.NotAttemptedCount);
        Assert.Contains(report.NotAttempted, r => r.Failure.Kind == BatchFailureKind.AuthenticationFailed && r.Failure.ErrorCode == "API_ERR_SIGNATURE");
        Assert.Equal(0, _sandbox.Accengage.InstantMessageRequests);
    }
}
