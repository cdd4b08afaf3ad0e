namespace Contracts.Core.Tests;

/// <summary>
/// The synchronization context of a thread that is blocked on a task, as .GetResult() on a UI thread is: work posted to
/// it is counted and never run, so anything the task needs from it never happens.
/// </summary>
internal sealed class BlockedThreadContext : SynchronizationContext
{
    private int _posted;

    public int Posted => Volatile.Read(ref _posted);

    public override void Post(SendOrPostCallback d, object? state) => Interlocked.Increment(ref _posted);

    /// <summary>Runs <paramref name="start"/> with this context current, as the blocked thread would before blocking.</summary>
    public TResult Start<TResult>(Func<TResult> start)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return start();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
