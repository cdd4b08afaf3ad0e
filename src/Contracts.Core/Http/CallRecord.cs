namespace Contracts.Core.Http;

/// <summary>
/// What the pipeline learns about one call while it runs, shared by its handlers through the request's options:
/// when the call must end, whether any attempt may have reached the vendor, and the secrets the request carries
/// (besides the client's own), so that nothing the vendor echoes back can carry them further.
/// </summary>
internal sealed class CallRecord
{
    private static readonly HttpRequestOptionsKey<CallRecord> Key = new("Contracts.CallRecord");
    private List<string>? _secrets;
    private int _mayHaveReachedVendor;
    private int _retries;

    /// <summary>When the call must end (<see cref="TimeProvider.GetTimestamp"/> units of the system clock), or null when unbounded.</summary>
    public long? DeadlineTimestamp { get; set; }

    /// <summary>True once an attempt left in a way the vendor may have acted on.</summary>
    public bool MayHaveReachedVendor => Volatile.Read(ref _mayHaveReachedVendor) != 0;

    public DeliveryState Delivery => MayHaveReachedVendor ? DeliveryState.Unknown : DeliveryState.NotSent;

    public IReadOnlyList<string> Secrets => (IReadOnlyList<string>?)_secrets ?? [];

    /// <summary>The time the call has left; <see cref="Timeout.InfiniteTimeSpan"/> when unbounded.</summary>
    public TimeSpan TimeLeft
        => DeadlineTimestamp is { } deadline
            ? TimeProvider.System.GetElapsedTime(TimeProvider.System.GetTimestamp(), deadline)
            : Timeout.InfiniteTimeSpan;

    /// <summary>How many times the request was sent again (for the call's span and the retries counter).</summary>
    public int Retries => Volatile.Read(ref _retries);

    public void CountRetry() => Interlocked.Increment(ref _retries);

    public void MarkMayHaveReachedVendor() => Volatile.Write(ref _mayHaveReachedVendor, 1);

    public void AddSecret(string secret)
    {
        lock (this)
            (_secrets ??= []).Add(secret);
    }

    /// <summary>The record of <paramref name="request"/>, created on first use.</summary>
    public static CallRecord Of(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(Key, out var record))
            return record;
        record = new CallRecord();
        request.Options.Set(Key, record);
        return record;
    }
}
