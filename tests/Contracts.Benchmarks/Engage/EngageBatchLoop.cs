using System.Diagnostics;
using System.Globalization;
using Contracts.Benchmarks.Harness;
using Contracts.Core.Batching;
using Contracts.Engage;

namespace Contracts.Benchmarks.Engage;

/// <summary>
/// The batch path without the network and the sandbox: PushInChunksAsync of N destinations (as
/// <see cref="EngageBatchRun"/> generates them) over the in-memory <see cref="CannedHttpHandler"/>, again and again,
/// printing the process CPU per destination of each round. What it shows is the client's own CPU, the figure that
/// limits throughput when client and sandbox share two cores; run it under <c>perf record</c> to see where it goes.
/// </summary>
public static class EngageBatchLoop
{
    /// <summary>Runs <paramref name="rounds"/> pushes of <paramref name="destinations"/> destinations each.</summary>
    public static async Task RunAsync(int destinations, int rounds)
    {
        var transport = new CannedHttpHandler(CannedAnswer.ForPath("/token", EngagePushBenchmarks.TokenAnswer), CannedAnswer.ForPath("/batch", EngagePushBenchmarks.PushAnswer));
        using var client = new EngageClient(new EngageClientOptions { BaseUrl = new Uri("http://engage.bench/"), ClientId = "bench", ClientSecret = "bench-secret" }, transport);
        var push = EngagePush.FromANumberGroup(Guid.Parse("3e1b9b27-d1f9-4c8d-800f-bb534d6928d6"), Guid.Parse("8f1c6a52-0b7e-4f43-9d8f-1a2b3c4d5e6f"));
        for (var round = 0; round < rounds; round++)
        {
            var cpu = EngageBatchRun.CpuTime();
            var clock = Stopwatch.StartNew();
            long accepted = 0;
            await foreach (var result in client.PushInChunksAsync(push, EngageBatchRun.Generate(destinations)).ConfigureAwait(false))
            {
                if (result.Outcome != BatchItemOutcome.Accepted)
                    throw new InvalidOperationException($"chunk {result.ChunkIndex}: {result.Outcome} {result.Failure?.Reason}");
                accepted += result.Items.Count;
            }
            if (accepted != destinations)
                throw new InvalidOperationException($"{accepted} of {destinations} accepted");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {(EngageBatchRun.CpuTime() - cpu).TotalMicroseconds / destinations:0.000} µs CPU/destination, {destinations / clock.Elapsed.TotalSeconds:N0} dest/s, {GC.CollectionCount(0)} gen0 GCs so far"));
        }
    }
}
