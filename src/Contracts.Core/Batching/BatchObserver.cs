namespace Contracts.Core.Batching;

/// <summary>
/// Hooks into every batch that <see cref="ChunkedBatchRunner"/> runs in the caller's asynchronous flow while the
/// observer is <see cref="Observe">attached</see>: told before each request leaves and when each result is known, and
/// able to stop new requests while those on the wire finish. A run journal (write-ahead) and a graceful Ctrl-C are
/// built on it.
/// </summary>
/// <remarks>
/// Attached to the asynchronous flow (like <c>Activity.Current</c>) rather than passed as an argument, so that it
/// reaches the runner through every vendor's batch method (ENGAGE push, ONC contacts, Accengage messages and devices)
/// without each one growing an overload. The hooks run on the runner's workers, up to <c>MaxConcurrency</c> at once:
/// an observer must be thread-safe.
/// </remarks>
public abstract class BatchObserver
{
    private static readonly AsyncLocal<BatchObserver?> Attached = new();

    /// <summary>The observer attached to the current asynchronous flow, if any.</summary>
    internal static BatchObserver? Current => Attached.Value;

    /// <summary>
    /// When cancelled, the batch starts no new request (the rest of the input is reported not attempted) but lets the
    /// requests on the wire finish and reports their answers. Cancelling the batch's own token instead also abandons
    /// them (reported unknown).
    /// </summary>
    public virtual CancellationToken StopStarting => CancellationToken.None;

    /// <summary>
    /// Called just before a request carrying <paramref name="items"/> leaves; when it returns, the request is sent. If
    /// it throws, the request is not sent (its items are reported not attempted), no new request starts, the requests
    /// on the wire finish, every item is still reported, and the result stream then ends with that exception.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="chunkIndex">The chunk the items come from.</param>
    /// <param name="items">The items the request carries.</param>
    public virtual void OnSending<T>(long chunkIndex, IReadOnlyList<T> items)
    {
    }

    /// <summary>
    /// Called with every result (answered requests, items refused before sending, items not attempted) as soon as it
    /// is known, before the result stream reports it. If it throws, the result is still reported with its real
    /// outcome; as with <see cref="OnSending{T}"/>, no new request starts and the stream ends with the first exception.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="result">The result.</param>
    public virtual void OnCompleted<T>(BatchChunkResult<T> result)
    {
    }

    /// <summary>Attaches <paramref name="observer"/> to every batch started in the current asynchronous flow until the returned scope is disposed.</summary>
    /// <param name="observer">The observer.</param>
    /// <returns>The scope; disposing it restores the observer attached before.</returns>
    public static IDisposable Observe(BatchObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var previous = Attached.Value;
        Attached.Value = observer;
        return new Scope(previous);
    }

    private sealed class Scope(BatchObserver? previous) : IDisposable
    {
        public void Dispose() => Attached.Value = previous;
    }
}
