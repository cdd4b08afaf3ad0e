using Contracts.Core.Batching;

namespace Contracts.Engage.Tests;

/// <summary>
/// Every generated streaming overload passes its cancellation token on: a batch cancelled before it starts reports
/// every destination not attempted, once, without throwing and without a request.
/// </summary>
public sealed class BatchCancellationTests : IAsyncLifetime
{
    private FakeEngage _engage = null!;

    public async Task InitializeAsync() => _engage = await FakeEngage.StartAsync();

    public async Task DisposeAsync() => await _engage.DisposeAsync();

    public static TheoryData<string, Func<IEngageClient, CancellationToken, Task<BatchReport<Destination>>>> Runs => new()
    {
        { "all, sync", (c, token) => c.PushAllAsync(Samples.GuidePush(), Samples.Numbered(25), cancellationToken: token) },
        { "all, async", (c, token) => c.PushAllAsync(Samples.GuidePush(), Samples.Numbered(25).ToAsyncEnumerable(), cancellationToken: token) },
        { "chunks, sync", (c, token) => BatchReport<Destination>.CollectAsync(c.PushInChunksAsync(Samples.GuidePush(), Samples.Numbered(25), token), keepAcceptedItems: true) },
        { "chunks, async", (c, token) => BatchReport<Destination>.CollectAsync(c.PushInChunksAsync(Samples.GuidePush(), Samples.Numbered(25).ToAsyncEnumerable(), token), keepAcceptedItems: true) },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task A_batch_cancelled_before_it_starts_reports_every_destination_not_attempted(string name, Func<IEngageClient, CancellationToken, Task<BatchReport<Destination>>> run)
    {
        using var client = new EngageClient(_engage.Options(o => o.BatchSize = 10));

        var report = await run(client, new CancellationToken(canceled: true));

        Assert.True((25, 25, 0) == (report.TotalCount, report.NotAttemptedCount, _engage.Server.Requests.Count), name);
        Assert.Equal(25, report.NotAttempted.Select(f => f.Item.CustomTrackingId).Distinct().Count());
    }
}
