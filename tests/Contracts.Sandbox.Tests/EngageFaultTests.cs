using Contracts.Core;
using Contracts.Core.Batching;
using Contracts.Engage;
using Contracts.Sandbox.Engage;
using Contracts.Sandbox.Faults;

namespace Contracts.Sandbox.Tests;

/// <summary>Each fault the sandbox injects makes the ENGAGE client behave as promised: retry, refresh, or a clear error with nothing lost.</summary>
public sealed class EngageFaultTests : IAsyncLifetime
{
    private static readonly EngagePush Push = EngagePush.FromANumberGroup(EngageSandboxOptions.DemoProgram, EngageSandboxOptions.DemoANumberGroup);
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private EngageClient Client(Action<EngageClientOptions>? configure = null)
    {
        var options = _sandbox.CreateEngageClientOptions();
        options.RetryDelay = TimeSpan.Zero;
        configure?.Invoke(options);
        return new EngageClient(options);
    }

    private static IEnumerable<Destination> Numbers(int count) => Enumerable.Range(0, count).Select(i => new Destination { BNumber = $"+1555{i:D7}" });

    [Fact]
    public async Task Throttling_with_retry_after_is_retried_and_the_push_succeeds()
    {
        using var client = Client();
        await client.CheckTokenHealthAsync();
        _sandbox.Engage.Faults.Enqueue(SandboxFault.TooManyRequests(TimeSpan.FromSeconds(1)), times: 2);

        var answer = await client.PushAsync(Push, Numbers(3));

        Assert.True(answer.IsSuccess);
        Assert.Equal(3, _sandbox.Engage.AcceptedDestinations);
    }

    [Fact]
    public async Task Server_errors_past_the_retries_are_a_clear_error_with_the_status()
    {
        using var client = Client(o => o.MaxRetries = 1);
        await client.CheckTokenHealthAsync();
        _sandbox.Engage.Faults.Enqueue(SandboxFault.ServerError(503), times: 2);

        var error = await Assert.ThrowsAsync<EngageException>(() => client.PushAsync(Push, Numbers(3)));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(0, _sandbox.Engage.AcceptedDestinations);
    }

    [Fact]
    public async Task In_a_batch_a_chunk_answered_with_a_server_error_is_unknown_and_the_others_go_through()
    {
        using var client = Client(o => { o.MaxRetries = 0; o.BatchSize = 10; o.MaxConcurrency = 1; });
        await client.CheckTokenHealthAsync();
        _sandbox.Engage.Faults.Enqueue(SandboxFault.HtmlErrorPage(502));

        var report = await client.PushAllAsync(Push, Numbers(50));

        Assert.Equal(50, report.TotalCount);
        Assert.Equal(40, report.AcceptedCount);
        // A 5xx after the push left: ENGAGE may have processed it, so it is reported unknown, never re-sent.
        Assert.Equal(10, report.UnknownCount);
        Assert.All(report.Unknown, r => Assert.Equal(502, r.Failure.StatusCode));
        Assert.Equal(40, _sandbox.Engage.AcceptedDestinations);
    }

    [Fact]
    public async Task A_malformed_answer_is_a_clear_error_naming_the_status()
    {
        using var client = Client();
        await client.CheckTokenHealthAsync();
        _sandbox.Engage.Faults.Enqueue(SandboxFault.Malformed());

        var error = await Assert.ThrowsAsync<EngageException>(() => client.PushAsync(Push, Numbers(1)));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("Could not deserialize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vendor_slower_than_the_timeout_is_reported_without_losing_items()
    {
        // The timeout also bounds the first call (a cold client: its token, then the call, JIT-compiled on a machine
        // that may be loaded by other builds): 6 s leaves it room, while the vendor's delay stays far beyond it.
        using var client = Client(o => { o.Timeout = TimeSpan.FromSeconds(6); o.BatchSize = 5; o.MaxConcurrency = 1; });
        await client.CheckTokenHealthAsync();
        _sandbox.Engage.Faults.Delay = TimeSpan.FromSeconds(60);

        var report = await client.PushAllAsync(Push, Numbers(10));

        Assert.Equal(10, report.TotalCount);
        // Timed out after the pushes left: ENGAGE may have them.
        Assert.Equal(10, report.UnknownCount);
        Assert.All(report.Unknown, r => Assert.Equal(BatchFailureKind.TransportError, r.Failure.Kind));
        Assert.All(report.Unknown, r => Assert.IsType<Contracts.Core.VendorTimeoutException>(r.Failure.Exception));
    }

    [Fact]
    public async Task Tokens_expiring_mid_run_are_refreshed_once_and_every_destination_is_accepted()
    {
        using var client = Client(o => { o.BatchSize = 100; o.MaxConcurrency = 2; });
        _sandbox.Engage.Faults.ExpireCredentialsAfter(requests: 5);

        var report = await client.PushAllAsync(Push, Numbers(2_000));

        Assert.Equal(2_000, report.AcceptedCount);
        Assert.Equal(2, _sandbox.Engage.TokenRequests);
        Assert.Equal(2_000, _sandbox.Engage.AcceptedDestinations);
    }

    [Fact]
    public async Task Credentials_refused_leave_everything_not_attempted()
    {
        var options = _sandbox.CreateEngageClientOptions();
        options.ClientSecret = "wrong";
        using var client = new EngageClient(options);

        var report = await client.PushAllAsync(Push, Numbers(25));

        Assert.Equal(25, report.NotAttemptedCount);
        Assert.Contains(report.NotAttempted, f => f.Failure.Kind == BatchFailureKind.AuthenticationFailed && f.Failure.Exception is AccessTokenException);
        Assert.Equal(0, _sandbox.Engage.AcceptedPushes);
    }
}
