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
    private const string PushAnswer = """{"response":"success","message":null,"errorCode":"","requestId":"329f83c4-38ca-4760-a18a-3fb44962c536"}""";
    private const string TokenAnswer = """{"accessToken":"opaque-benchmark-token","message":"Success","errorCode":0,"requestId":"12ab005b-1522-406b-82c9-a2ab9a1ff49d"}""";

    private static readonly string[] Numbers = Enumerable.Range(0, 1000).Select(i => string.Create(CultureInfo.InvariantCulture, $"+1555{i:D7}")).ToArray();

    /// <summary>Runs <paramref name="rounds"/> pushes of <paramref name="destinations"/> destinations each.</summary>
    public static async Task RunAsync(int destinations, int rounds)
    {
        var transport = new CannedHttpHandler(CannedAnswer.ForPath("/token", TokenAnswer), CannedAnswer.ForPath("/batch", PushAnswer));
        using var client = new EngageClient(new EngageClientOptions { BaseUrl = new Uri("http://engage.bench/"), ClientId = "bench", ClientSecret = "bench-secret" }, transport);
        var push = EngagePush.FromANumberGroup(Guid.Parse("3e1b9b27-d1f9-4c8d-800f-bb534d6928d6"), Guid.Parse("8f1c6a52-0b7e-4f43-9d8f-1a2b3c4d5e6f"));
        for (var round = 0; round < rounds; round++)
        {
            var cpu = CpuTime();
            var clock = Stopwatch.StartNew();
            long accepted = 0;
            await foreach (var result in client.PushInChunksAsync(push, Generate(destinations)).ConfigureAwait(false))
            {
                if (result.Outcome != BatchItemOutcome.Accepted)
                    throw new InvalidOperationException($"chunk {result.ChunkIndex}: {result.Outcome} {result.Failure?.Reason}");
                accepted += result.Items.Count;
            }
            if (accepted != destinations)
                throw new InvalidOperationException($"{accepted} of {destinations} accepted");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {(CpuTime() - cpu).TotalMicroseconds / destinations:0.000} µs CPU/destination, {destinations / clock.Elapsed.TotalSeconds:N0} dest/s, {GC.CollectionCount(0)} gen0 GCs so far"));
        }
    }

    private static IEnumerable<Destination> Generate(int count)
    {
        for (var i = 0; i < count; i++)
            yield return new Destination { BNumber = Numbers[i % Numbers.Length] };
    }

    private static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
