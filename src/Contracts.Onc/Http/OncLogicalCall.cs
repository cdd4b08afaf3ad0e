using Contracts.Core;
using Contracts.Core.Http;

namespace Contracts.Onc.Http;

/// <summary>
/// One public call of the client, which may take several SOAP requests (open a session, the operation, the session
/// check, a reopen, the resend), bounded as a whole by <see cref="OncClientOptions"/>' Timeout and the caller's
/// token: the requests through the ambient <see cref="CallDeadline"/>, which the pipeline's CallDeadlineHandler
/// applies to each of them, and the waits outside HTTP (for a session another call is opening) through
/// <see cref="Token"/>, which ends at the same deadline or when the caller cancels.
/// </summary>
internal sealed class OncLogicalCall : IDisposable
{
    /// <summary>The longest delay a CancellationTokenSource timer takes; a Timeout beyond it (weeks) is no bound in practice.</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly TimeSpan _timeout;
    private readonly long _startedAt;
    // Made on the first wait outside HTTP only: most calls find their session open and never wait, and a timer per
    // call (created, queued, removed) is the dearest part of bounding one.
    private CancellationTokenSource? _bounded;

    private OncLogicalCall(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _timeout = timeout;
        _startedAt = TimeProvider.System.GetTimestamp();
        CallerToken = cancellationToken;
        // Not taken back in Dispose: what an async method changes in its flow ends with it, and a second change of
        // the flow on every call would only restore what its caller has anyway (see Begin).
        _ = CallDeadline.Begin(timeout);
    }

    /// <summary>The caller's token, for the SOAP requests (their deadline is the ambient one).</summary>
    public CancellationToken CallerToken { get; }

    /// <summary>Ends when the caller cancels or the call's deadline passes: for waits outside HTTP.</summary>
    public CancellationToken Token => (_bounded ??= Bounded()).Token;

    /// <summary>
    /// Starts a call that must end within <paramref name="timeout"/>; dispose it when the call ends. Begin it only in
    /// the async method that makes the call: the deadline it puts on the flow lasts until that method ends.
    /// </summary>
    /// <exception cref="VendorCallCanceledException">The caller had already cancelled: nothing is sent.</exception>
    public static OncLogicalCall Begin(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            throw new VendorCallCanceledException(OncException.VendorName, DeliveryState.NotSent, null, cancellationToken);
        return new OncLogicalCall(timeout, cancellationToken);
    }

    /// <summary>
    /// The error for a wait of this call that <see cref="Token"/> ended: the caller's cancellation, or the deadline,
    /// as the pipeline reports them for a request.
    /// </summary>
    public Exception Interrupted(OperationCanceledException wait, DeliveryState delivery)
        => CallerToken.IsCancellationRequested
            ? new VendorCallCanceledException(OncException.VendorName, delivery, wait, CallerToken)
            : new VendorTimeoutException(OncException.VendorName, _timeout, delivery, wait);

    public void Dispose() => _bounded?.Dispose();

    /// <summary>A source linked to the caller's token that ends at the call's deadline, counted from <see cref="Begin"/>.</summary>
    private CancellationTokenSource Bounded()
    {
        var bounded = CancellationTokenSource.CreateLinkedTokenSource(CallerToken);
        if (_timeout != Timeout.InfiniteTimeSpan && _timeout < LongestTimer)
        {
            var left = _timeout - TimeProvider.System.GetElapsedTime(_startedAt);
            bounded.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
        return bounded;
    }
}
