namespace Contracts.Engage.Tests;

/// <summary>
/// The generated streaming methods refuse their arguments at the call, before a token is asked for or a push sent:
/// null ones, and shared settings that break ENGAGE's rules.
/// </summary>
public sealed class BatchArgumentTests : IAsyncLifetime
{
    private FakeEngage _engage = null!;

    public async Task InitializeAsync() => _engage = await FakeEngage.StartAsync();

    public async Task DisposeAsync() => await _engage.DisposeAsync();

    public static TheoryData<string, Func<IEngageClient, object>> Calls => new()
    {
        { "chunks, sync", c => c.PushInChunksAsync(EngagePush.FromANumbers(Samples.Program, []), Samples.Numbered(3)) },
        { "chunks, async", c => c.PushInChunksAsync(EngagePush.FromANumbers(Samples.Program, []), Samples.Numbered(3).ToAsyncEnumerable()) },
        { "all, sync", c => c.PushAllAsync(EngagePush.FromANumbers(Samples.Program, []), Samples.Numbered(3)) },
        { "all, async", c => c.PushAllAsync(EngagePush.FromANumbers(Samples.Program, []), Samples.Numbered(3).ToAsyncEnumerable()) },
        { "null push", c => c.PushInChunksAsync(null!, Samples.Numbered(3)) },
        { "null destinations", c => c.PushInChunksAsync(Samples.GuidePush(), (IEnumerable<Destination>)null!) },
        { "null async destinations", c => c.PushAllAsync(Samples.GuidePush(), (IAsyncEnumerable<Destination>)null!) },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void Bad_arguments_throw_at_the_call_and_nothing_is_requested(string name, Func<IEngageClient, object> call)
    {
        using var client = new EngageClient(_engage.Options());

        Assert.ThrowsAny<ArgumentException>(() => call(client));

        Assert.True(_engage.TokenRequests.Count == 0 && _engage.PushRequests.Count == 0, name);
    }
}
