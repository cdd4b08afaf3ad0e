using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// Which types a piece of code allocates, by sampling: the runtime reports the type of the object that crosses each
/// ~100 KB of allocation (GCAllocationTick), so over many calls the counts are proportional to the bytes of each type.
/// A profiler of our own because dotnet-trace and dotnet-counters are not installed here.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const int AllocationTickEventId = 10;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new();
    private volatile bool _recording;

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    /// <summary>The sampled types, largest share first, with their share of the sampled bytes.</summary>
    public IEnumerable<(string Type, double Share)> Top(int count)
    {
        var total = (double)_bytesByType.Values.Sum();
        return _bytesByType.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value / total));
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventId != AllocationTickEventId || eventData.Payload is null)
            return;
        var type = eventData.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
