using System.Diagnostics;
using System.Globalization;
using Contracts.Core.Http;

namespace Contracts.Core.Telemetry;

/// <summary>
/// The span and the measurements of one vendor call, taken by <see cref="CallDeadlineHandler"/> around everything
/// else (token, retries, waits, body). Only the route template, host, port, method and status are read from the
/// request and answer: the URL itself may hold a signature, a key, a phone number or a message text.
/// </summary>
internal readonly struct CallObservation
{
    private readonly VendorTelemetry _telemetry;
    private readonly string _vendor;
    private readonly string _operation;
    private readonly Activity? _activity;
    private readonly long _started;

    private CallObservation(VendorTelemetry telemetry, string vendor, string operation, Activity? activity)
    {
        _telemetry = telemetry;
        _vendor = vendor;
        _operation = operation;
        _activity = activity;
        _started = Stopwatch.GetTimestamp();
    }

    public static CallObservation Start(VendorTelemetry telemetry, string vendor, HttpRequestMessage request)
    {
        VendorCallScope.Current?.Release();
        request.Options.TryGetValue(VendorOperation.Key, out var operation);
        var method = request.Method.Method;
        var operationName = operation?.Id ?? method;
        // The name is built only when someone listens: most calls are never traced.
        var activity = telemetry.ActivitySource.HasListeners()
            ? telemetry.ActivitySource.StartActivity($"{vendor} {operationName}", ActivityKind.Client)
            : null;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TelemetryNames.HttpMethod, method);
            if (request.RequestUri is { IsAbsoluteUri: true } uri)
            {
                activity.SetTag(TelemetryNames.ServerAddress, uri.Host);
                activity.SetTag(TelemetryNames.ServerPort, uri.Port);
            }
            if (operation is not null)
                activity.SetTag(TelemetryNames.UrlTemplate, operation.RouteTemplate);
            activity.SetTag(TelemetryNames.Vendor, vendor);
            activity.SetTag(TelemetryNames.Operation, operationName);
        }
        return new CallObservation(telemetry, vendor, operationName, activity);
    }

    /// <summary>The call returned an answer (the generated code decides later whether it is an error).</summary>
    public void Answered(HttpResponseMessage response, int retries)
    {
        var status = (int)response.StatusCode;
        var outcome = status is >= 200 and < 300 ? TelemetryNames.Success : TelemetryNames.OutcomeOf(VendorApiException.DeliveryOf(status));
        var errorType = outcome == TelemetryNames.Success ? null : status.ToString(CultureInfo.InvariantCulture);
        Finish(outcome, status, errorType, retries, keepUntilRead: true);
    }

    /// <summary>The call threw (already typed by <see cref="CallDeadlineHandler"/>).</summary>
    public void Failed(Exception failure, DeliveryState recorded, int retries)
    {
        var outcome = failure switch
        {
            VendorCallCanceledException => TelemetryNames.Cancelled,
            OperationCanceledException => TelemetryNames.Cancelled,
            VendorApiException vendor => TelemetryNames.OutcomeOf(vendor.Delivery),
            _ => TelemetryNames.OutcomeOf(recorded),
        };
        if (failure is RedirectRefusedException)
            _telemetry.RedirectsRefused.Add(1, new(TelemetryNames.Vendor, _vendor), new(TelemetryNames.Operation, _operation));
        // The type's name, never its message: a transport's message may quote the URL.
        Finish(outcome, (failure as VendorApiException)?.StatusCode, TelemetryNames.ErrorTypeOf(failure), retries, keepUntilRead: false);
    }

    private void Finish(string outcome, int? status, string? errorType, int retries, bool keepUntilRead)
    {
        // Instruments nobody listens to are skipped before any tag is built (a status code would be boxed).
        if (_telemetry.CallDuration.Enabled)
        {
            var tags = new TagList
            {
                { TelemetryNames.Vendor, _vendor },
                { TelemetryNames.Operation, _operation },
                { TelemetryNames.Outcome, outcome },
            };
            if (status is { } code)
                tags.Add(TelemetryNames.StatusCode, code);
            _telemetry.CallDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }
        if (_telemetry.Calls.Enabled)
            _telemetry.Calls.Add(1, new(TelemetryNames.Vendor, _vendor), new(TelemetryNames.Operation, _operation), new(TelemetryNames.Outcome, outcome));
        if (retries > 0 && _telemetry.Retries.Enabled)
            _telemetry.Retries.Add(retries, new(TelemetryNames.Vendor, _vendor), new(TelemetryNames.Operation, _operation));

        if (_activity is null)
            return;
        if (status is { } answered)
            _activity.SetTag(TelemetryNames.StatusCode, answered);
        _activity.SetTag(TelemetryNames.Outcome, outcome);
        _activity.SetTag(TelemetryNames.RetryCount, retries);
        if (errorType is not null)
        {
            _activity.SetTag(TelemetryNames.ErrorType, errorType);
            // The outcome, not a message: messages are built from the vendor's answer.
            _activity.SetStatus(ActivityStatusCode.Error, outcome);
        }
        // An answer is read after this handler returns: the scope around the call ends the span once the SDK has
        // read it, with the vendor's error code and request id if it was a refusal.
        if (keepUntilRead && VendorCallScope.Current is { } scope && scope.Keep(_activity))
            return;
        _activity.Dispose();
    }
}
