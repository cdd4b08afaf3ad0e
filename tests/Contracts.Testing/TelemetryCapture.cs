using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Contracts.Testing;

/// <summary>
/// Records every span stopped and every measurement taken while it lives: spans from the sources the first
/// argument accepts (every source when null, HttpClient's included), measurements from meters whose name the
/// second accepts (every meter when null). Listeners are process-wide, so tests give their sources and
/// values unique names rather than expect to be alone.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public TelemetryCapture(Func<ActivitySource, bool>? listenTo = null, Func<Meter, bool>? listenToMeter = null)
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = listenTo ?? (_ => true),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (listenToMeter?.Invoke(instrument.Meter) ?? true)
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    /// <summary>Every span stopped so far.</summary>
    public IReadOnlyList<Activity> Activities => _stopped.ToArray();

    /// <summary>Every measurement so far.</summary>
    public IReadOnlyList<Measurement> Measurements => _measurements.ToArray();

    /// <summary>The measurements of one instrument.</summary>
    public IReadOnlyList<Measurement> Of(string instrument) => _measurements.Where(m => m.Instrument == instrument).ToArray();

    /// <summary>
    /// Every text a span or a measurement exposes: names, tag keys and values, events and their tags, links' tags,
    /// status description, baggage, and the tags of every measurement.
    /// </summary>
    public IEnumerable<string> AllTexts()
    {
        foreach (var activity in Activities)
        {
            yield return activity.Source.Name;
            yield return activity.OperationName;
            yield return activity.DisplayName;
            if (activity.StatusDescription is { } description)
                yield return description;
            foreach (var tag in activity.TagObjects)
                yield return $"{tag.Key}={tag.Value}";
            foreach (var activityEvent in activity.Events)
            {
                yield return activityEvent.Name;
                foreach (var tag in activityEvent.Tags)
                    yield return $"{tag.Key}={tag.Value}";
            }
            foreach (var link in activity.Links)
            {
                foreach (var tag in link.Tags ?? [])
                    yield return $"{tag.Key}={tag.Value}";
            }
            foreach (var item in activity.Baggage)
                yield return $"{item.Key}={item.Value}";
        }
        foreach (var measurement in Measurements)
        {
            yield return measurement.Instrument;
            foreach (var tag in measurement.Tags)
                yield return $"{tag.Key}={tag.Value}";
        }
    }

    /// <summary>Fails when any text of <see cref="AllTexts"/> contains any of <paramref name="secrets"/>.</summary>
    public void AssertNoneContains(IEnumerable<string> secrets)
    {
        var texts = AllTexts().ToList();
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
        {
            var leak = texts.FirstOrDefault(t => t.Contains(secret, StringComparison.OrdinalIgnoreCase));
            if (leak is not null)
                throw new InvalidOperationException($"Telemetry carries the secret '{secret}': {leak}");
        }
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
        => _measurements.Enqueue(new Measurement(instrument.Meter.Name, instrument.Name, instrument.Unit, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), tags.ToArray()));

    /// <summary>One measurement: its meter, instrument, unit, value and tags.</summary>
    public sealed record Measurement(string Meter, string Instrument, string? Unit, double Value, IReadOnlyList<KeyValuePair<string, object?>> Tags)
    {
        public object? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key).Value;
    }
}
