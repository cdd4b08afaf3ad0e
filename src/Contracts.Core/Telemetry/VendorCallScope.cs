using System.Diagnostics;

namespace Contracts.Core.Telemetry;

/// <summary>
/// Keeps a call's span open until the SDK has read the answer, so that the span carries the verdict the caller
/// gets: the vendor's error code and request id, which are in the answer's body, read after
/// <see cref="Http.CallDeadlineHandler"/> has returned it. Begin it around a call (the generated operations do, and
/// so do the friendly methods that read an HTTP 200 answer that may still be a refusal); a
/// <see cref="VendorApiException"/> created inside it writes its facts on the call's span; disposing it ends the span.
/// Without a scope, the handler ends the span when the answer's headers and body are in.
/// </summary>
/// <remarks>
/// A scope begun inside another hands its span to the outer one when disposed: a friendly method that reads the
/// answer of a generated operation sees the span of the operation's call.
/// </remarks>
public sealed class VendorCallScope : IDisposable
{
    private static readonly AsyncLocal<VendorCallScope?> Ambient = new();
    private readonly VendorCallScope? _outer;
    private readonly VendorCallScope? _previous;
    // Only the spans of calls made at this level are kept: a token or session request made inside another call's
    // pipeline is a child of that call's span and ends on its own.
    private readonly Activity? _parent;
    private PendingCall? _pending;

    private VendorCallScope(bool isolated)
    {
        _outer = isolated ? null : Ambient.Value;
        _previous = Ambient.Value;
        _parent = Activity.Current;
        Ambient.Value = this;
    }

    /// <summary>The scope of the call in progress on this flow, if any.</summary>
    internal static VendorCallScope? Current => Ambient.Value;

    /// <summary>Starts a scope on this flow: calls answered inside it keep their span open until it is disposed.</summary>
    public static VendorCallScope Begin() => new(isolated: false);

    /// <summary>
    /// Starts a scope whose span ends when it is disposed and is never handed to the enclosing scope: for a side
    /// call (a check made after a failure) whose verdict is not the one the caller gets.
    /// </summary>
    public static VendorCallScope BeginIsolated() => new(isolated: true);

    /// <summary>
    /// Writes what <paramref name="failure"/> says on the span of the call answered last in the current scope:
    /// <c>error.type</c>, the vendor's error code and request id, the outcome and an error status.
    /// </summary>
    internal static void Record(VendorApiException failure) => Current?._pending?.Fail(failure);

    /// <summary>A call starts in this scope: the span of the call answered before it has its verdict and ends.</summary>
    internal void Release()
    {
        _pending?.End();
        _pending = null;
    }

    /// <summary>
    /// Takes the span of a call that was answered, when the call was made at this scope's level; false when the
    /// caller must end the span itself.
    /// </summary>
    internal bool Keep(Activity activity)
    {
        if (activity.Parent != _parent)
            return false;
        Adopt(new PendingCall(activity));
        return true;
    }

    /// <summary>Ends the span this scope kept, or hands it to the enclosing scope.</summary>
    public void Dispose()
    {
        Ambient.Value = _previous;
        if (_pending is not { } pending)
            return;
        _pending = null;
        if (_outer is not null && _outer._parent == pending.Activity.Parent)
            _outer.Adopt(pending);
        else
            pending.End();
    }

    private void Adopt(PendingCall pending)
    {
        _pending?.End();
        _pending = pending;
    }

    /// <summary>An answered call whose span waits for the SDK's verdict.</summary>
    private sealed class PendingCall(Activity activity)
    {
        public Activity Activity => activity;

        public void Fail(VendorApiException failure)
        {
            activity.SetTag(TelemetryNames.ErrorType, TelemetryNames.ErrorTypeOf(failure));
            activity.SetTag(TelemetryNames.Outcome, TelemetryNames.OutcomeOf(failure.Delivery));
            if (failure.ErrorCode is { } code)
                activity.SetTag(TelemetryNames.VendorErrorCode, code);
            if (failure.RequestId is { } requestId)
                activity.SetTag(TelemetryNames.VendorRequestId, requestId);
            activity.SetStatus(ActivityStatusCode.Error, TelemetryNames.OutcomeOf(failure.Delivery));
        }

        public void End() => activity.Dispose();
    }
}
