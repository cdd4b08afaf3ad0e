using System.Collections.Concurrent;
using Contracts.Core.Batching;

namespace Contracts.Core.Tests;

/// <summary>The hooks a run journal and a graceful Ctrl-C are built on: told before a request leaves and when its answer comes.</summary>
public sealed class BatchObserverTests
{
    private sealed class RecordingObserver(CancellationToken stopStarting = default) : BatchObserver
    {
        public ConcurrentQueue<string> Events { get; } = new();

        public override CancellationToken StopStarting => stopStarting;

        public override void OnSending<T>(long chunkIndex, IReadOnlyList<T> items) => Events.Enqueue($"sending {string.Join(' ', items)}");

        public override void OnCompleted<T>(BatchChunkResult<T> result) => Events.Enqueue($"{result.Outcome} {string.Join(' ', result.Items)}");
    }

    private static async Task<List<BatchChunkResult<int>>> RunAsync(
        IEnumerable<int> items, Func<IReadOnlyList<int>, CancellationToken, Task<ChunkSendResult>> send, int chunkSize, int concurrency = 1,
        Func<int, string?>? validate = null, CancellationToken cancellationToken = default)
    {
        var results = new List<BatchChunkResult<int>>();
        await foreach (var result in ChunkedBatchRunner.RunAsync(items, new ChunkedBatchOptions(chunkSize, concurrency), validate ?? (_ => null), send, cancellationToken: cancellationToken))
            results.Add(result);
        return results;
    }

    [Fact]
    public async Task The_observer_hears_of_each_request_before_it_leaves_and_of_every_result()
    {
        var observer = new RecordingObserver();
        var seenBySender = new List<string>();
        using (BatchObserver.Observe(observer))
        {
            await RunAsync([1, 2, -3, 4], (chunk, _) =>
            {
                // What the observer knows at the moment the request leaves.
                seenBySender.Add(string.Join(" | ", observer.Events));
                return Task.FromResult(chunk[0] == 4 ? ChunkSendResult.Rejected(new BatchFailure(BatchFailureKind.VendorRejected, "no"), stopBatch: false) : ChunkSendResult.Accepted(null));
            }, chunkSize: 2, validate: i => i < 0 ? "negative" : null);
        }

        Assert.Equal(["sending 1 2", "sending 1 2 | Accepted 1 2 | Rejected -3 | sending 4"], seenBySender);
        Assert.Equal(["sending 1 2", "Accepted 1 2", "Rejected -3", "sending 4", "Rejected 4"], observer.Events);
    }

    [Fact]
    public async Task Stop_starting_lets_the_requests_on_the_wire_finish_and_reports_the_rest_not_attempted()
    {
        using var stop = new CancellationTokenSource();
        var observer = new RecordingObserver(stop.Token);
        var sent = new ConcurrentBag<int>();
        List<BatchChunkResult<int>> results;
        using (BatchObserver.Observe(observer))
        {
            results = await RunAsync(Enumerable.Range(0, 100), async (chunk, token) =>
            {
                if (chunk[0] == 20)
                    await stop.CancelAsync();
                await Task.Delay(20, token); // still on the wire after the stop: not cancelled, so answered
                foreach (var i in chunk)
                    sent.Add(i);
                return ChunkSendResult.Accepted(null);
            }, chunkSize: 10, concurrency: 2);
        }

        var accepted = results.Where(r => r.Outcome == BatchItemOutcome.Accepted).SelectMany(r => r.Items).Order().ToList();
        Assert.Contains(20, accepted);
        Assert.Equal(sent.Order(), accepted);
        Assert.All(results.Where(r => r.Outcome != BatchItemOutcome.Accepted), r => Assert.Equal((BatchItemOutcome.NotAttempted, BatchFailureKind.Cancelled), (r.Outcome, r.Failure!.Kind)));
        Assert.Equal(100, results.Sum(r => r.Items.Count));
        Assert.True(accepted.Count < 100);
    }

    [Fact]
    public async Task Without_an_attached_observer_nothing_is_heard()
    {
        var observer = new RecordingObserver();
        using (BatchObserver.Observe(observer))
        {
        }

        await RunAsync([1, 2], (_, _) => Task.FromResult(ChunkSendResult.Accepted(null)), chunkSize: 1);

        Assert.Empty(observer.Events);
    }
}
