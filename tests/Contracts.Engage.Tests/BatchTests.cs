using Contracts.Core.Batching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Contracts.Engage.Tests;

public sealed class BatchTests : IAsyncLifetime
{
    private FakeEngage _engage = null!;

    public async Task InitializeAsync() => _engage = await FakeEngage.StartAsync();

    public async Task DisposeAsync() => await _engage.DisposeAsync();

    [Fact]
    public async Task Ten_thousand_destinations_stream_in_chunks_and_each_is_reported_exactly_once()
    {
        using var client = new EngageClient(_engage.Options(o => { o.BatchSize = 250; o.MaxConcurrency = 4; }));
        var push = EngagePush.FromANumberGroup(Samples.Program, Samples.Group);

        var seen = new Dictionary<string, BatchItemOutcome>();
        await foreach (var result in client.PushInChunksAsync(push, Samples.Numbered(10_000)))
        {
            foreach (var destination in result.Items)
                Assert.True(seen.TryAdd(destination.BNumber, result.Outcome), $"{destination.BNumber} reported twice");
            Assert.NotNull(result.RequestId);
        }

        Assert.Equal(10_000, seen.Count);
        Assert.All(seen.Values, o => Assert.Equal(BatchItemOutcome.Accepted, o));
        var pushes = _engage.PushRequests;
        Assert.Equal(40, pushes.Count);
        Assert.All(pushes, p => Assert.Equal(250, p.Json.GetProperty("destinations").GetArrayLength()));
        Assert.Equal(10_000, pushes.SelectMany(p => p.Json.GetProperty("destinations").EnumerateArray()).Select(d => d.GetProperty("bNumber").GetString()).Distinct().Count());
        Assert.InRange(_engage.Server.PeakConcurrency, 1, 4);
        Assert.Single(_engage.TokenRequests);
    }

    [Fact]
    public async Task An_async_source_is_streamed_too()
    {
        using var client = new EngageClient(_engage.Options(o => o.BatchSize = 100));

        var report = await client.PushAllAsync(EngagePush.FromANumberGroup(Samples.Program, Samples.Group), ReadAsync(1_050), keepAcceptedDestinations: true);

        Assert.Equal(1_050, report.AcceptedCount);
        Assert.Equal(1_050, report.Accepted.Select(d => d.BNumber).Distinct().Count());
        Assert.Equal(11, _engage.PushRequests.Count);

        static async IAsyncEnumerable<Destination> ReadAsync(int count)
        {
            foreach (var destination in Samples.Numbered(count))
            {
                await Task.Yield();
                yield return destination;
            }
        }
    }

    [Fact]
    public async Task Http_200_with_a_failure_errorCode_is_rejected_with_the_vendor_details_and_stops_the_batch()
    {
        _engage.PushAnswer = (_, _) => (200, DocumentSamples.PushANumbersNotAllowed);
        using var client = new EngageClient(_engage.Options(o => { o.BatchSize = 10; o.MaxConcurrency = 1; }));

        var report = await client.PushAllAsync(Samples.GuidePush(), Samples.Numbered(100));

        Assert.Equal(0, report.AcceptedCount);
        Assert.Equal(10, report.RejectedCount);
        Assert.Equal(90, report.NotAttemptedCount);
        var failure = report.Rejected[0].Failure;
        Assert.Equal(BatchFailureKind.VendorRejected, failure.Kind);
        Assert.Equal("200", failure.ErrorCode);
        Assert.Equal(200, failure.StatusCode);
        Assert.Equal("51934465-cc14-4e68-97a0-af7d6faf9f55", failure.RequestId);
        Assert.Contains("Not allowed to use one or more anumbers.", failure.Reason, StringComparison.Ordinal);
        Assert.All(report.NotAttempted, f => Assert.Equal(BatchFailureKind.BatchStopped, f.Failure.Kind));
        Assert.Single(_engage.PushRequests);
    }

    [Fact]
    public async Task Single_push_with_http_200_failure_throws_EngageException()
    {
        _engage.PushAnswer = (_, _) => (200, DocumentSamples.PushANumbersNotAllowed);
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        using var client = new EngageClient(_engage.Options(), transport: null, loggerFactory);

        var error = await Assert.ThrowsAsync<EngageException<BatchPushResponse>>(() => client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations()));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal("200", error.ErrorCode);
        Assert.Equal("51934465-cc14-4e68-97a0-af7d6faf9f55", error.RequestId);
        Assert.Equal("Not allowed to use one or more anumbers. Batch push could not complete push successfully.", error.VendorMessage);
        Assert.Equal("Not allowed to use one or more anumbers.", error.Result.Response);
        var refused = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 2003);
        Assert.Equal(LogLevel.Warning, refused.Level);
        Assert.Contains("error code 200, request id 51934465-cc14-4e68-97a0-af7d6faf9f55", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generated_push_called_directly_throws_for_an_http_200_refusal_too()
    {
        _engage.PushAnswer = (_, _) => (200, DocumentSamples.PushANumbersNotAllowed);
        using var client = new EngageClient(_engage.Options());

        var error = await Assert.ThrowsAsync<EngageException<BatchPushResponse>>(() => client.PushBatchAsync(Samples.Program, Samples.GuidePush().ToRequest(Samples.GuideDestinations())));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal("200", error.ErrorCode);
        Assert.Equal("51934465-cc14-4e68-97a0-af7d6faf9f55", error.RequestId);
        Assert.Single(_engage.PushRequests);
    }

    [Fact]
    public async Task Documented_400_answers_become_EngageException_with_the_vendor_details()
    {
        _engage.PushAnswer = (_, _) => (400, DocumentSamples.PushInvalidProgram);
        using var client = new EngageClient(_engage.Options());

        var error = await Assert.ThrowsAsync<EngageException<BatchPushResponse>>(() => client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations()));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("400", error.ErrorCode);
        Assert.Equal("e9a76f6b-b921-4ffa-b6f2-1a29334073c4", error.RequestId);
        Assert.Equal("Invalid program setup on this program", error.Result.Response);
        Assert.Contains("Invalid program setup on this program", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_destinations_are_rejected_without_being_sent_and_the_rest_go_out()
    {
        using var client = new EngageClient(_engage.Options(o => o.BatchSize = 10));
        var destinations = Samples.Numbered(30).Select((d, i) => i % 10 == 3 ? new Destination { BNumber = "555-0100" } : d).ToList();

        var report = await client.PushAllAsync(Samples.GuidePush(), destinations);

        Assert.Equal(27, report.AcceptedCount);
        Assert.Equal(3, report.RejectedCount);
        Assert.All(report.Rejected, f => Assert.Equal(BatchFailureKind.InvalidInput, f.Failure.Kind));
        Assert.Contains(@"bNumber does not match the contract's pattern ^\+[1-9][0-9]{1,14}$", report.Rejected[0].Failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("555-0100", report.Rejected[0].Failure.Reason, StringComparison.Ordinal); // a person's number is not echoed
        Assert.DoesNotContain(_engage.PushRequests, p => p.BodyText.Contains("555-0100", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_reports_every_destination_and_sends_nothing_new()
    {
        using var client = new EngageClient(_engage.Options(o => { o.BatchSize = 10; o.MaxConcurrency = 1; }));
        using var cts = new CancellationTokenSource();
        var report = new BatchReport<Destination>();

        await foreach (var result in client.PushInChunksAsync(Samples.GuidePush(), Samples.Numbered(500), cts.Token))
        {
            report.Add(result);
            if (report.AcceptedCount >= 50)
                await cts.CancelAsync();
        }

        Assert.Equal(500, report.TotalCount);
        Assert.InRange(report.AcceptedCount, 50, 80);
        // A request on the wire when the caller cancelled is cancelled too: unknown, since ENGAGE may have it.
        Assert.Equal(500 - report.AcceptedCount - report.UnknownCount, report.NotAttemptedCount);
        Assert.InRange(report.UnknownCount, 0, 10);
        Assert.All(report.NotAttempted, f => Assert.Equal(BatchFailureKind.Cancelled, f.Failure.Kind));
        Assert.All(report.Unknown, f => Assert.Equal(BatchFailureKind.Cancelled, f.Failure.Kind));
        Assert.InRange(_engage.PushRequests.Count, report.AcceptedCount / 10, (report.AcceptedCount + report.UnknownCount) / 10);
    }

    [Fact]
    public async Task A_token_that_cannot_be_had_leaves_every_destination_not_attempted()
    {
        _engage.TokenAnswer = _ => (500, DocumentSamples.TokenFailure);
        using var client = new EngageClient(_engage.Options(o => o.BatchSize = 10));

        var report = await client.PushAllAsync(Samples.GuidePush(), Samples.Numbered(95));

        Assert.Equal(95, report.NotAttemptedCount);
        Assert.Contains(report.NotAttempted, f => f.Failure.Kind == BatchFailureKind.AuthenticationFailed && f.Failure.ErrorCode == "500");
        Assert.Empty(_engage.PushRequests);
    }
}
