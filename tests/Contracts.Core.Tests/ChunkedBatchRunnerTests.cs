using System.Collections.Concurrent;
using Contracts.Core.Batching;
using Contracts.Core.Http;
using Contracts.Core.Validation;

namespace Contracts.Core.Tests;

public sealed class ChunkedBatchRunnerTests
{
    private sealed class TestVendorException(int status, string code)
        : VendorApiException("TEST", "refused", status, code, "nope", "req-1", null);

    private static async Task<List<BatchChunkResult<int>>> RunAsync(
        IEnumerable<int> items,
        Func<IReadOnlyList<int>, CancellationToken, Task<ChunkSendResult>> send,
        int chunkSize = 10,
        int concurrency = 4,
        Func<int, string?>? validate = null,
        CancellationToken cancellationToken = default)
    {
        var results = new List<BatchChunkResult<int>>();
        await foreach (var result in ChunkedBatchRunner.RunAsync(items.ToAsyncEnumerable(), new ChunkedBatchOptions(chunkSize, concurrency), validate ?? (_ => null), send, cancellationToken: cancellationToken))
            results.Add(result);
        return results;
    }

    private static void AssertEachItemOnce(IEnumerable<int> expected, IEnumerable<BatchChunkResult<int>> results)
    {
        var reported = results.SelectMany(r => r.Items).ToList();
        Assert.Equal(expected.Count(), reported.Count);
        Assert.Equal(expected.OrderBy(i => i), reported.OrderBy(i => i));
    }

    [Fact]
    public async Task A_caller_blocking_on_a_single_threaded_context_gets_its_results()
    {
        var blocked = new BlockedThreadContext();
        var batch = ChunkedBatchRunner.RunAsync(Enumerable.Range(1, 25), new ChunkedBatchOptions(10, 2), _ => null, (_, _) => Task.FromResult(ChunkSendResult.Accepted("req")));
        var results = blocked.Start(() => Collect(batch));

        // Nothing posted to the blocked caller's thread ever runs: the batch must not need it.
        var all = await results.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(25, all.Where(r => r.Outcome == BatchItemOutcome.Accepted).Sum(r => r.Items.Count));
        Assert.Equal(0, blocked.Posted);

        static async Task<List<BatchChunkResult<int>>> Collect(IAsyncEnumerable<BatchChunkResult<int>> batch)
        {
            var list = new List<BatchChunkResult<int>>();
            await foreach (var result in batch.ConfigureAwait(false))
                list.Add(result);
            return list;
        }
    }

    [Fact]
    public async Task Every_item_is_reported_exactly_once_and_chunks_respect_the_size()
    {
        var sent = new ConcurrentBag<int>();
        var results = await RunAsync(Enumerable.Range(0, 10_005), async (chunk, _) =>
        {
            Assert.InRange(chunk.Count, 1, 100);
            await Task.Yield();
            foreach (var i in chunk)
                sent.Add(i);
            return ChunkSendResult.Accepted($"req-{chunk[0]}");
        }, chunkSize: 100);

        AssertEachItemOnce(Enumerable.Range(0, 10_005), results);
        Assert.All(results, r => Assert.Equal(BatchItemOutcome.Accepted, r.Outcome));
        Assert.Equal(101, results.Count);
        Assert.Equal(10_005, sent.Count);
        // Chunk k holds items k*100 .. k*100+99.
        Assert.All(results, r => Assert.Equal(r.ChunkIndex * 100, r.Items[0]));
    }

    [Fact]
    public async Task No_more_than_max_concurrency_chunks_are_in_flight()
    {
        var inFlight = 0;
        var peak = 0;
        await RunAsync(Enumerable.Range(0, 2_000), async (chunk, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            await Task.Delay(2);
            Interlocked.Decrement(ref inFlight);
            return ChunkSendResult.Accepted(null);
        }, chunkSize: 10, concurrency: 3);

        Assert.InRange(peak, 1, 3);
    }

    [Fact]
    public async Task The_input_is_read_lazily_so_memory_is_bounded_by_chunks_in_flight()
    {
        // The producer may run ahead of the reader by at most: chunks being sent + results waiting in the channel.
        const int chunkSize = 50, concurrency = 2;
        var read = 0L;
        var reported = 0L;
        var maxAhead = 0L;
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 20_000; i++)
            {
                var ahead = Interlocked.Increment(ref read) - Interlocked.Read(ref reported);
                InterlockedMax(ref maxAhead, ahead);
                yield return i;
            }
        }

        await foreach (var result in ChunkedBatchRunner.RunAsync(Source().ToAsyncEnumerable(), new ChunkedBatchOptions(chunkSize, concurrency), _ => null,
                           async (chunk, _) => { await Task.Yield(); return ChunkSendResult.Accepted(null); }))
        {
            Interlocked.Add(ref reported, result.Items.Count);
            await Task.Delay(1); // a slow reader: the producer must wait, not buffer
        }

        // in flight (concurrency + 1 being formed) + waiting results (2 * concurrency), in chunks.
        Assert.InRange(maxAhead, 1, (concurrency + 1 + 2 * concurrency + 1) * chunkSize);
    }

    [Fact]
    public async Task Invalid_items_are_rejected_without_being_sent()
    {
        var sent = new ConcurrentBag<int>();
        var results = await RunAsync(Enumerable.Range(0, 100), (chunk, _) =>
        {
            foreach (var i in chunk)
                sent.Add(i);
            return Task.FromResult(ChunkSendResult.Accepted(null));
        }, validate: i => i % 7 == 0 ? $"{i} is a multiple of 7" : null);

        AssertEachItemOnce(Enumerable.Range(0, 100), results);
        var rejected = results.Where(r => r.Outcome == BatchItemOutcome.Rejected).ToList();
        Assert.Equal(Enumerable.Range(0, 100).Where(i => i % 7 == 0), rejected.SelectMany(r => r.Items).OrderBy(i => i));
        Assert.All(rejected, r => Assert.Equal(BatchFailureKind.InvalidInput, r.Failure!.Kind));
        Assert.Contains("is a multiple of 7", rejected[0].Failure!.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(sent, i => i % 7 == 0);
    }

    [Fact]
    public async Task A_permanent_vendor_failure_stops_the_batch_and_reports_the_rest_not_attempted()
    {
        var calls = 0;
        var results = await RunAsync(Enumerable.Range(0, 1_000), (chunk, _) =>
        {
            Interlocked.Increment(ref calls);
            if (chunk[0] == 30)
                throw new TestVendorException(400, "400");
            return Task.FromResult(ChunkSendResult.Accepted(null));
        }, chunkSize: 10, concurrency: 1);

        AssertEachItemOnce(Enumerable.Range(0, 1_000), results);
        var rejected = Assert.Single(results, r => r.Outcome == BatchItemOutcome.Rejected);
        Assert.Equal(400, rejected.Failure!.StatusCode);
        Assert.Equal("400", rejected.Failure.ErrorCode);
        Assert.Equal("req-1", rejected.Failure.RequestId);
        Assert.Equal(30, results.Where(r => r.Outcome == BatchItemOutcome.Accepted).Sum(r => r.Items.Count));
        var notAttempted = results.Where(r => r.Outcome == BatchItemOutcome.NotAttempted).ToList();
        Assert.Equal(960, notAttempted.Sum(r => r.Items.Count));
        Assert.All(notAttempted, r => Assert.Equal(BatchFailureKind.BatchStopped, r.Failure!.Kind));
        Assert.Equal(4, calls);
    }

    [Fact]
    public async Task A_server_error_makes_its_chunk_unknown_only()
    {
        // A 503 after the request left: the vendor may have processed it, so it is neither rejected nor re-sent.
        var results = await RunAsync(Enumerable.Range(0, 100), (chunk, _) => chunk[0] == 50
            ? throw new TestVendorException(503, "")
            : Task.FromResult(ChunkSendResult.Accepted(null)), concurrency: 1);

        Assert.Equal(10, results.Where(r => r.Outcome == BatchItemOutcome.Unknown).Sum(r => r.Items.Count));
        Assert.Equal(90, results.Where(r => r.Outcome == BatchItemOutcome.Accepted).Sum(r => r.Items.Count));
    }

    [Fact]
    public async Task A_failure_before_sending_is_not_attempted_and_a_transport_failure_after_is_unknown()
    {
        var results = await RunAsync(Enumerable.Range(0, 30), (chunk, _) => chunk[0] switch
        {
            0 => throw new VendorTransportException("TEST", "could not connect", DeliveryState.NotSent),
            10 => throw new VendorTimeoutException("TEST", TimeSpan.FromSeconds(1), DeliveryState.Unknown),
            _ => Task.FromResult(ChunkSendResult.Accepted(null)),
        }, concurrency: 1);

        AssertEachItemOnce(Enumerable.Range(0, 30), results);
        Assert.Equal(BatchItemOutcome.NotAttempted, results.Single(r => r.Items[0] == 0).Outcome);
        Assert.Equal(BatchItemOutcome.Unknown, results.Single(r => r.Items[0] == 10).Outcome);
        Assert.Equal(BatchFailureKind.TransportError, results.Single(r => r.Items[0] == 10).Failure!.Kind);
        Assert.Equal(BatchItemOutcome.Accepted, results.Single(r => r.Items[0] == 20).Outcome);
    }

    [Fact]
    public async Task A_chunk_the_sdk_refuses_to_send_is_rejected_with_the_reason_not_unknown()
    {
        // The generated contract check on the send path refuses a request before anything leaves.
        var results = await RunAsync(Enumerable.Range(0, 30), (chunk, _) =>
        {
            if (chunk.Contains(15))
                InvalidRequest.ThrowIfAny("The test message", ["Items[5] must not be 15."]);
            return Task.FromResult(ChunkSendResult.Accepted(null));
        }, concurrency: 1);

        AssertEachItemOnce(Enumerable.Range(0, 30), results);
        var refused = Assert.Single(results, r => r.Outcome != BatchItemOutcome.Accepted);
        Assert.Equal(BatchItemOutcome.Rejected, refused.Outcome);
        Assert.Equal(Enumerable.Range(10, 10), refused.Items);
        Assert.Equal(BatchFailureKind.InvalidInput, refused.Failure!.Kind);
        Assert.Contains("Items[5] must not be 15.", refused.Failure.Reason, StringComparison.Ordinal);
        Assert.IsType<InvalidRequestException>(refused.Failure.Exception);
    }

    [Theory]
    [InlineData("udid", "..")]
    [InlineData("udid", "")]
    [InlineData("route", "v1/me/apps/app-1/devices/%2e%2e")]
    public async Task A_path_refused_before_sending_is_rejected_with_its_reason(string checkedAs, string value)
    {
        // RouteSafety refuses a value that would not stay one segment of the route before anything leaves: the items
        // were not sent and resending would repeat the refusal, so they are rejected (not unknown) with the reason.
        var results = await RunAsync(Enumerable.Range(0, 10), (_, _) =>
        {
            if (checkedAs == "route")
                RouteSafety.ThrowIfUnsafe(value);
            else
                RouteSafety.ThrowIfNotOneSegment(value, checkedAs);
            return Task.FromResult(ChunkSendResult.Accepted(null));
        });

        var refused = Assert.Single(results);
        Assert.Equal(BatchItemOutcome.Rejected, refused.Outcome);
        Assert.Equal(BatchFailureKind.InvalidInput, refused.Failure!.Kind);
        Assert.Equal(Assert.IsType<InvalidRequestException>(refused.Failure.Exception).Message, refused.Failure.Reason);
    }

    [Fact]
    public async Task Any_other_argument_exception_from_a_sender_stays_unknown()
    {
        var results = await RunAsync(Enumerable.Range(0, 10), (_, _) => throw new ArgumentException("thrown after the request may have left"));

        var unknown = Assert.Single(results);
        Assert.Equal(BatchItemOutcome.Unknown, unknown.Outcome);
        Assert.Equal(BatchFailureKind.TransportError, unknown.Failure!.Kind);
    }

    [Fact]
    public async Task No_token_means_not_attempted_and_stop()
    {
        var results = await RunAsync(Enumerable.Range(0, 100), (_, _) =>
            throw new AccessTokenException("TEST", 500, "500", "Failed to grant access token", "req-9", null), concurrency: 1);

        Assert.All(results, r => Assert.Equal(BatchItemOutcome.NotAttempted, r.Outcome));
        Assert.Equal(BatchFailureKind.AuthenticationFailed, results.Single(r => r.ChunkIndex == 0).Failure!.Kind);
        AssertEachItemOnce(Enumerable.Range(0, 100), results);
    }

    [Fact]
    public async Task Cancelling_reaches_requests_on_the_wire_which_are_unknown_and_the_rest_not_attempted()
    {
        using var cts = new CancellationTokenSource();
        var results = await RunAsync(Enumerable.Range(0, 1_000), async (chunk, token) =>
        {
            if (chunk[0] < 100)
                return ChunkSendResult.Accepted(null);
            if (chunk[0] == 100)
                await cts.CancelAsync();
            // A request on the wire (a stalled vendor) observes the caller's token: it must not hold the batch.
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return ChunkSendResult.Accepted(null);
        }, chunkSize: 10, concurrency: 2, cancellationToken: cts.Token).WaitAsync(TimeSpan.FromSeconds(20));

        AssertEachItemOnce(Enumerable.Range(0, 1_000), results);
        Assert.Contains(results, r => r.Items[0] == 100 && r.Outcome == BatchItemOutcome.Unknown);
        Assert.DoesNotContain(results, r => r.Outcome == BatchItemOutcome.Accepted && r.Items[0] >= 100);
        var notAttempted = results.Where(r => r.Outcome == BatchItemOutcome.NotAttempted).ToList();
        Assert.NotEmpty(notAttempted);
        Assert.All(notAttempted, r => Assert.Equal(BatchFailureKind.Cancelled, r.Failure!.Kind));
    }

    [Fact]
    public async Task A_request_cancelled_before_it_was_sent_is_not_attempted()
    {
        using var cts = new CancellationTokenSource();
        var results = await RunAsync(Enumerable.Range(0, 20), async (chunk, token) =>
        {
            await cts.CancelAsync();
            throw new VendorCallCanceledException("TEST", DeliveryState.NotSent, null, token);
        }, chunkSize: 10, concurrency: 1, cancellationToken: cts.Token);

        AssertEachItemOnce(Enumerable.Range(0, 20), results);
        Assert.All(results, r => Assert.Equal(BatchItemOutcome.NotAttempted, r.Outcome));
    }

    [Fact]
    public async Task A_failing_input_reports_what_was_read_then_throws()
    {
        IEnumerable<int> Broken()
        {
            for (var i = 0; i < 25; i++)
                yield return i;
            throw new IOException("disk gone");
        }

        var results = new List<BatchChunkResult<int>>();
        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var r in ChunkedBatchRunner.RunAsync(Broken().ToAsyncEnumerable(), new ChunkedBatchOptions(10, 1), _ => null, (_, _) => Task.FromResult(ChunkSendResult.Accepted(null))))
                results.Add(r);
        });

        Assert.Equal("disk gone", error.Message);
        Assert.Equal(20, results.Sum(r => r.Items.Count));
    }

    [Fact]
    public async Task A_synchronous_input_is_chunked_validated_and_reported_exactly_once()
    {
        var sent = new ConcurrentBag<int>();
        var results = new List<BatchChunkResult<int>>();
        await foreach (var result in ChunkedBatchRunner.RunAsync(Enumerable.Range(0, 1_005), new ChunkedBatchOptions(100, 3), i => i % 250 == 7 ? "bad" : null,
                           (chunk, _) =>
                           {
                               foreach (var i in chunk)
                                   sent.Add(i);
                               return Task.FromResult(ChunkSendResult.Accepted("r"));
                           }))
        {
            results.Add(result);
        }

        AssertEachItemOnce(Enumerable.Range(0, 1_005), results);
        Assert.Equal(Enumerable.Range(0, 1_005).Where(i => i % 250 != 7), sent.OrderBy(i => i));
        var rejected = results.Where(r => r.Outcome == BatchItemOutcome.Rejected).ToList();
        Assert.Equal([7, 257, 507, 757], rejected.SelectMany(r => r.Items).Order());
        Assert.All(rejected, r => Assert.Equal(BatchFailureKind.InvalidInput, r.Failure!.Kind));
        var accepted = results.Where(r => r.Outcome == BatchItemOutcome.Accepted).ToList();
        Assert.Equal(Enumerable.Range(0, 11).Select(i => (long)i), accepted.Select(r => r.ChunkIndex).Order());
        Assert.Equal(5, accepted.Single(r => r.ChunkIndex == 10).Items.Count);
    }

    [Fact]
    public async Task A_failing_synchronous_input_reports_what_was_read_then_throws()
    {
        IEnumerable<int> Broken()
        {
            for (var i = 0; i < 25; i++)
                yield return i;
            throw new IOException("disk gone");
        }

        var results = new List<BatchChunkResult<int>>();
        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var r in ChunkedBatchRunner.RunAsync(Broken(), new ChunkedBatchOptions(10, 1), _ => null, (_, _) => Task.FromResult(ChunkSendResult.Accepted(null))))
                results.Add(r);
        });

        Assert.Equal("disk gone", error.Message);
        Assert.Equal(20, results.Sum(r => r.Items.Count));
    }

    [Fact]
    public async Task A_reader_that_stops_early_abandons_the_rest()
    {
        var sends = 0;
        await foreach (var _ in ChunkedBatchRunner.RunAsync(Enumerable.Range(0, 100_000).ToAsyncEnumerable(), new ChunkedBatchOptions(10, 2), _ => null,
                           async (_, token) => { Interlocked.Increment(ref sends); await Task.Delay(1, token); return ChunkSendResult.Accepted(null); }))
        {
            break;
        }

        Assert.InRange(Volatile.Read(ref sends), 1, 20);
    }

    [Fact]
    public async Task Report_counts_every_outcome_and_keeps_failures()
    {
        var report = await BatchReport<int>.CollectAsync(ChunkedBatchRunner.RunAsync(Enumerable.Range(0, 30).ToAsyncEnumerable(), new ChunkedBatchOptions(10, 1),
            i => i == 3 ? "bad" : null,
            (chunk, _) => Task.FromResult(chunk[0] == 20 ? ChunkSendResult.Rejected(new BatchFailure(BatchFailureKind.VendorRejected, "no"), false) : ChunkSendResult.Accepted("r"))),
            keepAcceptedItems: false);

        Assert.Equal(30, report.TotalCount);
        Assert.Equal(19, report.AcceptedCount);
        Assert.Empty(report.Accepted);
        Assert.Equal(11, report.RejectedCount);
        Assert.Contains(report.Rejected, f => f.Item == 3 && f.Failure.Kind == BatchFailureKind.InvalidInput);
        Assert.Equal(0, report.NotAttemptedCount);
        Assert.False(report.AllAccepted);
        Assert.Equal("30 items: 19 accepted, 11 rejected, 0 unknown, 0 not attempted", report.ToString());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
