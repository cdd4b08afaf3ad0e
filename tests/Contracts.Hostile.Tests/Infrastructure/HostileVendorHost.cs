namespace Contracts.Hostile.Tests.Infrastructure;

/// <summary>
/// One vendor played by a <see cref="HostileServer"/> for the length of one test: started before it, stopped after
/// it. Each vendor's host routes every request to the script of its operation, which a test may replace with a
/// hostile one.
/// </summary>
public abstract class HostileVendorHost : IAsyncLifetime
{
    /// <summary>The server playing the vendor.</summary>
    protected HostileServer Server { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Server = await HostileServer.StartAsync();
        // A bound on each script, so that a test that hangs fails instead of stalling the run (not a speed assertion).
        Server.MaxScriptDuration = TimeSpan.FromSeconds(40);
        Server.Respond(Route);
    }

    public virtual async Task DisposeAsync() => await Server.DisposeAsync().AsTask().WaitAsync(Guarantees.Patience);

    /// <summary>Sends <paramref name="request"/> to the script of the operation it calls.</summary>
    protected abstract Task Route(HostileRequest request, HostileExchange exchange);

    /// <summary>The exception of the given type in the chain (the exception itself or an inner one), or a failure.</summary>
    protected static T InChain<T>(Exception exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
                return found;
        }

        Assert.Fail($"Expected a {typeof(T).Name} in the exception chain, got: {exception}");
        return null!;
    }
}
