namespace Contracts.Onc.Tests;

/// <summary>
/// Base of the tests that run against a fresh <see cref="FakeOnc"/>: starts it (once the process's WCF path is
/// compiled, see <see cref="ColdStart"/>), and at the end checks that nothing the client sent broke the wire format
/// (action, content type, schema) before stopping it.
/// </summary>
public abstract class FakeOncTests : IAsyncLifetime
{
    internal FakeOnc Onc { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        // Not the test's own time: a cold process spends seconds on its first WCF call (see ColdStart).
        await ColdStart.WarmedAsync().WaitAsync(Bound.Test);
        Onc = await FakeOnc.StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        Assert.Empty(Onc.Problems);
        await Onc.DisposeAsync();
    }
}
