namespace Contracts.Core.Http;

/// <summary>
/// A deadline shared by every HTTP request of one logical call (an ONC call that opens a session, sends, checks
/// the session and sends again): requests made inside <see cref="Begin"/> end no later than it does, so the call's
/// <see cref="VendorClientOptions.Timeout"/> bounds the whole of it and not each request. Flows with the async
/// context, like a CancellationToken that nobody has to pass.
/// </summary>
public static class CallDeadline
{
    private static readonly AsyncLocal<Scope?> Ambient = new();

    /// <summary>The longest delay a CancellationTokenSource timer takes (CancelAfter refuses more).</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>
    /// Starts a call that must end within <paramref name="timeout"/> (or sooner, inside a call that ends sooner);
    /// dispose the result when the call ends. <see cref="Timeout.InfiniteTimeSpan"/> adds no bound.
    /// </summary>
    public static IDisposable Begin(TimeSpan timeout)
    {
        var outer = Ambient.Value;
        return new Scope(Earlier(outer?.Timestamp, timeout), outer);
    }

    /// <summary>
    /// The deadline of a request begun now with <paramref name="timeout"/> of its own, inside the call in progress on
    /// this flow (the earlier of the two), as a <see cref="TimeProvider.System"/> timestamp; null when unbounded.
    /// Nothing is published: only a request made inside this one would read it, and the requests made inside a
    /// request (a shared token acquisition) leave the deadline behind anyway (<see cref="Suspend"/>).
    /// </summary>
    internal static long? For(TimeSpan timeout)
        => Earlier(Ambient.Value?.Timestamp, timeout);

    /// <summary>
    /// The earlier of <paramref name="outer"/> and the end of <paramref name="timeout"/> from now. A timeout the
    /// pipeline's timer cannot take (about 49.7 days and more, up to <see cref="TimeSpan.MaxValue"/>, which a
    /// timestamp cannot even hold) is no bound of its own: it could never end a call in practice.
    /// </summary>
    private static long? Earlier(long? outer, TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan || timeout >= LongestTimer)
            return outer;
        var own = TimeProvider.System.GetTimestamp() + (long)(timeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        return outer is { } earlier && earlier <= own ? earlier : own;
    }

    /// <summary>
    /// Leaves the current call's deadline behind for work shared by many calls (a token acquisition that other
    /// callers wait for): one caller's deadline must not cut it short for the others, who wait with their own.
    /// </summary>
    public static IDisposable Suspend() => new Scope(null, Ambient.Value);

    private sealed class Scope : IDisposable
    {
        private readonly Scope? _previous;

        public Scope(long? timestamp, Scope? previous)
        {
            Timestamp = timestamp;
            _previous = previous;
            Ambient.Value = this;
        }

        public long? Timestamp { get; }

        public void Dispose() => Ambient.Value = _previous;
    }
}
