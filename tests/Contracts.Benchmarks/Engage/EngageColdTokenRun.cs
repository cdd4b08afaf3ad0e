using System.Diagnostics;
using Contracts.Sandbox;

namespace Contracts.Benchmarks.Engage;

/// <summary>1,000 concurrent calls on a cold client: how long until all complete, and how many token requests they caused.</summary>
public static class EngageColdTokenRun
{
    public static async Task<object> RunAsync(int calls)
    {
        await using var sandbox = await SandboxServer.StartAsync().ConfigureAwait(false);
        using var client = sandbox.CreateEngageClient();
        var latencies = new double[calls];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, calls).Select(async i =>
        {
            var start = clock.Elapsed;
            await client.CheckTokenHealthAsync().ConfigureAwait(false);
            latencies[i] = (clock.Elapsed - start).TotalMilliseconds;
        })).ConfigureAwait(false);
        clock.Stop();
        Array.Sort(latencies);
        return new
        {
            mode = "cold-token",
            calls,
            tokenRequests = sandbox.Engage.TokenRequests,
            totalMilliseconds = Math.Round(clock.Elapsed.TotalMilliseconds, 1),
            p50Milliseconds = Math.Round(latencies[calls / 2], 1),
            p99Milliseconds = Math.Round(latencies[(int)(calls * 0.99)], 1),
        };
    }
}
