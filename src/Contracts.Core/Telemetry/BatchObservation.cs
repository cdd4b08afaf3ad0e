using System.Diagnostics;
using Contracts.Core.Batching;

namespace Contracts.Core.Telemetry;

/// <summary>
/// The span and item counts of one batch run by <see cref="ChunkedBatchRunner"/>. The span is current while the
/// chunks are sent, so each call's span is its child; the counts by outcome are set on it when the batch ends.
/// Items themselves (phone numbers, device ids) are never recorded.
/// </summary>
internal sealed class BatchObservation : IDisposable
{
    private readonly VendorTelemetry _telemetry;
    private readonly string? _vendor;
    private readonly Activity? _activity;
    private long _accepted;
    private long _rejected;
    private long _unknown;
    private long _notAttempted;

    private BatchObservation(VendorTelemetry telemetry, string? vendor, Activity? activity)
    {
        _telemetry = telemetry;
        _vendor = vendor;
        _activity = activity;
    }

    public static BatchObservation Start(ChunkedBatchOptions options)
    {
        var telemetry = options.Telemetry ?? VendorTelemetry.For(VendorTelemetry.CoreName);
        var vendor = string.IsNullOrWhiteSpace(options.Vendor) ? null : options.Vendor;
        var activity = telemetry.ActivitySource.StartActivity(vendor is null ? "batch" : $"{vendor} batch", ActivityKind.Internal);
        if (vendor is not null)
            activity?.SetTag(TelemetryNames.Vendor, vendor);
        return new BatchObservation(telemetry, vendor, activity);
    }

    /// <summary>Counts a result as the reader receives it (single reader: no lock needed).</summary>
    public void Count(BatchItemOutcome outcome, int items)
    {
        var name = outcome switch
        {
            BatchItemOutcome.Accepted => "accepted",
            BatchItemOutcome.Rejected => "rejected",
            BatchItemOutcome.NotAttempted => "not_attempted",
            _ => "unknown",
        };
        switch (outcome)
        {
            case BatchItemOutcome.Accepted: _accepted += items; break;
            case BatchItemOutcome.Rejected: _rejected += items; break;
            case BatchItemOutcome.NotAttempted: _notAttempted += items; break;
            default: _unknown += items; break;
        }
        var tags = new TagList { { TelemetryNames.Outcome, name } };
        if (_vendor is not null)
            tags.Add(TelemetryNames.Vendor, _vendor);
        _telemetry.BatchItems.Add(items, tags);
    }

    /// <summary>Ends the span; <paramref name="inputFailure"/> when reading the input failed.</summary>
    public void Finish(Exception? inputFailure)
    {
        if (_activity is null)
            return;
        _activity.SetTag(TelemetryNames.BatchAccepted, _accepted);
        _activity.SetTag(TelemetryNames.BatchRejected, _rejected);
        _activity.SetTag(TelemetryNames.BatchUnknown, _unknown);
        _activity.SetTag(TelemetryNames.BatchNotAttempted, _notAttempted);
        if (inputFailure is not null)
        {
            _activity.SetTag(TelemetryNames.ErrorType, inputFailure.GetType().FullName);
            _activity.SetStatus(ActivityStatusCode.Error, "the input could not be read");
        }
        else if (_rejected + _unknown + _notAttempted > 0)
        {
            _activity.SetStatus(ActivityStatusCode.Error, "some items were not accepted");
        }
    }

    public void Dispose() => _activity?.Dispose();
}
