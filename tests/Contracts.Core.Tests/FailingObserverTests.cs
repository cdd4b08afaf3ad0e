using System.Collections.Concurrent;
using Contracts.Core.Batching;

namespace Contracts.Core.Tests;

/// <summary>
/// An observer that cannot record (its journal's disk is full) is not a failure of the input: the batch starts no new
/// request, lets those on the wire finish, reports every item exactly once and only then throws the observer's exception.
/// </summary>
public sealed class FailingObserverTests
{
    /// <summary>Throws an <see cref="IOException"/> on the Nth call of one hook (1 = the first), and on every call after it.</summary>
    private sealed class FailingObserver(int failOnSending = int.MaxValue, int failOnCompleted = int.MaxValue) : BatchObserver
    {
        private int _sending;
        private int _completed;

        public override void OnSending<T>(long chunkIndex, IReadOnlyList<T> items)
        {
            if (Interlocked.Increment(ref _sending) >= failOnSending)
                throw new IOException("No space left on device");
        }

        public override void OnCompleted<T>(BatchChunkResult<T> result)
        {
            if (Interlocked.Increment(ref _completed) >= failOnCompleted)
                throw new IOException("No space left on device");
        }
    }

    private sealed record Run(List<BatchChunkResult<int>> Results, Exception? Thrown, ConcurrentBag<int> Sent)
    {
        public long Count(BatchItemOutcome outcome) => Results.Where(r => r.Outcome == outcome).Sum(r => r.Items.Count);

        public List<int> Items(BatchItemOutcome outcome) => Results.Where(r => r.Outcome == outcome).SelectMany(r => r.Items).Order().ToList();
    }

    private static async Task<Run> RunAsync(BatchObserver observer, int items, int chunkSize, int concurrency, Func<int, string?>? validate = null)
    {
        var sent = new ConcurrentBag<int>();
        var results = new List<BatchChunkResult<int>>();
        Exception? thrown = null;
        using (BatchObserver.Observe(observer))
        {
            try
            {
                var batch = ChunkedBatchRunner.RunAsync(Enumerable.Range(1, items), new ChunkedBatchOptions(chunkSize, concurrency), validate ?? (_ => null), async (chunk, _) =>
                {
                    await Task.Yield();
                    foreach (var item in chunk)
                        sent.Add(item);
                    return ChunkSendResult.Accepted("req");
                });
                await foreach (var result in batch)
                    results.Add(result);
            }
            catch (IOException ex)
            {
                thrown = ex;
            }
        }
        return new Run(results, thrown, sent);
    }

    private static void AssertEveryItemOnceAndNothingSentTwice(Run run, int items)
    {
        Assert.Equal(Enumerable.Range(1, items), run.Results.SelectMany(r => r.Items).Order());
        Assert.Equal(run.Sent.Count, run.Sent.Distinct().Count());
        // What left was answered (accepted); what did not leave is not attempted: the outcome reported is the real one.
        Assert.Equal(run.Sent.Order(), run.Items(BatchItemOutcome.Accepted));
        Assert.IsType<IOException>(run.Thrown);
    }

    [Fact]
    public async Task A_result_that_cannot_be_recorded_is_still_reported_and_the_rest_is_not_attempted()
    {
        var run = await RunAsync(new FailingObserver(failOnCompleted: 3), items: 100, chunkSize: 10, concurrency: 1);

        AssertEveryItemOnceAndNothingSentTwice(run, 100);
        // The third chunk's recording failed: it still comes out accepted, since the vendor has it.
        Assert.Equal(Enumerable.Range(1, 30), run.Items(BatchItemOutcome.Accepted));
        Assert.Equal(70, run.Count(BatchItemOutcome.NotAttempted));
        Assert.All(run.Results.Where(r => r.Outcome == BatchItemOutcome.NotAttempted), r => Assert.Equal(BatchFailureKind.BatchStopped, r.Failure!.Kind));
        Assert.Equal(0, run.Count(BatchItemOutcome.Unknown) + run.Count(BatchItemOutcome.Rejected));
    }

    [Fact]
    public async Task A_request_that_cannot_be_recorded_as_leaving_does_not_leave_and_nothing_starts_after_it()
    {
        var run = await RunAsync(new FailingObserver(failOnSending: 2), items: 100, chunkSize: 10, concurrency: 1);

        AssertEveryItemOnceAndNothingSentTwice(run, 100);
        Assert.Equal(Enumerable.Range(1, 10), run.Items(BatchItemOutcome.Accepted));
        Assert.Equal(90, run.Count(BatchItemOutcome.NotAttempted));
        Assert.Equal(Enumerable.Range(1, 10), run.Sent.Order());
    }

    [Fact]
    public async Task An_item_refused_before_sending_whose_rejection_cannot_be_recorded_is_still_reported_rejected()
    {
        var run = await RunAsync(new FailingObserver(failOnCompleted: 2), items: 30, chunkSize: 10, concurrency: 1, validate: i => i == 15 ? "bad" : null);

        AssertEveryItemOnceAndNothingSentTwice(run, 30);
        Assert.Equal([15], run.Items(BatchItemOutcome.Rejected));
        // The rejection of 15 failed to record before 11-14 and 16-20 could leave: they never did.
        Assert.Equal(Enumerable.Range(1, 10), run.Items(BatchItemOutcome.Accepted));
        Assert.Equal(19, run.Count(BatchItemOutcome.NotAttempted));
    }

    [Fact]
    public async Task With_requests_in_flight_every_item_is_still_reported_once_and_sent_at_most_once()
    {
        var run = await RunAsync(new FailingObserver(failOnCompleted: 5), items: 1_000, chunkSize: 7, concurrency: 4);

        AssertEveryItemOnceAndNothingSentTwice(run, 1_000);
        Assert.True(run.Count(BatchItemOutcome.NotAttempted) > 0);
    }
}
