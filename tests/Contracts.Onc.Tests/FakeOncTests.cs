namespace Contracts.Onc.Tests;

/// <summary>
/// Base of the tests that run against a fresh <see cref="FakeOnc"/>: starts it, and at the end checks that nothing
/// the client sent broke the wire format (action, content type, schema) before stopping it.
/// </summary>
public abstract class FakeOncTests : IAsyncLifetime
{
    internal FakeOnc Onc { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Onc = await FakeOnc.StartAsync();

    public virtual async Task DisposeAsync()
    {
        Assert.Empty(Onc.Problems);
        await Onc.DisposeAsync();
    }
}
