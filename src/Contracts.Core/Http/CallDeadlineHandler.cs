using System.Net.Sockets;
using Contracts.Core.Telemetry;

namespace Contracts.Core.Http;

/// <summary>
/// The outermost handler: bounds the whole call — token, connect, send, headers, body, retries and their waits —
/// by the client's <see cref="VendorClientOptions.Timeout"/> (and by the deadline of an enclosing
/// <see cref="CallDeadline"/>), honours the caller's token at every step, and turns what the transport throws into
/// the SDK's typed errors, each saying whether the request may have reached the vendor.
/// </summary>
/// <remarks>
/// <see cref="HttpClient.Timeout"/> cannot do this: the generated operations read answers after
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/>, and HttpClient's timeout stops at the headers. Here the
/// body is read (by <see cref="WireHandler"/>) inside the same deadline.
/// Being outermost, it is also where each call's span and measurements are taken (<see cref="VendorTelemetry"/>):
/// one span per operation, whatever the retries and the token request beneath it.
/// </remarks>
public sealed class CallDeadlineHandler : DelegatingHandler
{
    private readonly string _vendor;
    private readonly TimeSpan _timeout;
    private readonly VendorTelemetry _telemetry;

    /// <summary>Creates the handler, reporting its calls under <see cref="VendorTelemetry.CoreName"/>.</summary>
    /// <param name="vendor">Vendor name for the errors (ENGAGE, Ogangi, Accengage, ONC).</param>
    /// <param name="timeout">The longest a call may take; <see cref="Timeout.InfiniteTimeSpan"/> for no bound.</param>
    public CallDeadlineHandler(string vendor, TimeSpan timeout)
        : this(vendor, timeout, VendorTelemetry.For(VendorTelemetry.CoreName))
    {
    }

    /// <summary>Creates the handler.</summary>
    /// <param name="vendor">Vendor name for the errors and the spans (ENGAGE, Ogangi, Accengage, ONC).</param>
    /// <param name="timeout">The longest a call may take; <see cref="Timeout.InfiniteTimeSpan"/> for no bound.</param>
    /// <param name="telemetry">The package's source and meter, which receive a span and measurements per call.</param>
    public CallDeadlineHandler(string vendor, TimeSpan timeout, VendorTelemetry telemetry)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        ArgumentNullException.ThrowIfNull(telemetry);
        _vendor = vendor;
        _timeout = timeout;
        _telemetry = telemetry;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var record = CallRecord.Of(request);
        var observation = CallObservation.Start(_telemetry, _vendor, request);
        // One async method for the span and the deadline: each layer is a box and a continuation on every call.
        record.DeadlineTimestamp = CallDeadline.For(_timeout);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timeLeft = record.TimeLeft;
        // A deadline already passed cancels at once: a timer of zero fires later, on another thread, and a fast
        // pipeline could send the request first.
        if (timeLeft != Timeout.InfiniteTimeSpan && timeLeft > TimeSpan.Zero)
            bounded.CancelAfter(timeLeft);
        else if (timeLeft != Timeout.InfiniteTimeSpan)
            bounded.Cancel();

        try
        {
            var response = await base.SendAsync(request, bounded.Token).ConfigureAwait(false);
            observation.Answered(response, record.Retries);
            return response;
        }
        catch (Exception failure)
        {
            var typed = Typed(failure, record, bounded, cancellationToken);
            observation.Failed(typed, record.Delivery, record.Retries);
            if (ReferenceEquals(typed, failure))
                throw;
            throw typed;
        }
    }

    /// <summary>
    /// The SDK's typed error for what the pipeline beneath threw: the caller's cancellation, the deadline, or the
    /// transport's failure; anything else (already typed) as it is.
    /// </summary>
    private Exception Typed(Exception failure, CallRecord record, CancellationTokenSource bounded, CancellationToken cancellationToken) => failure switch
    {
        OperationCanceledException canceled when canceled is not VendorCallCanceledException && cancellationToken.IsCancellationRequested
            => new VendorCallCanceledException(_vendor, record.Delivery, canceled, cancellationToken),
        OperationCanceledException timedOut when timedOut is not VendorCallCanceledException && bounded.IsCancellationRequested
            => new VendorTimeoutException(_vendor, _timeout, record.Delivery, timedOut),
        HttpRequestException or IOException or SocketException
            => new VendorTransportException(_vendor, Describe(failure, record.Delivery), record.Delivery, innerException: failure),
        _ => failure,
    };

    /// <summary>A sentence chosen by the SDK: the transport's own messages may quote the URL (a signed path).</summary>
    private static string Describe(Exception failure, DeliveryState delivery)
    {
        var what = failure is HttpRequestException { HttpRequestError: var error } ? error switch
        {
            HttpRequestError.NameResolutionError => "the vendor's host name could not be resolved",
            HttpRequestError.ConnectionError => "could not connect to the vendor",
            HttpRequestError.SecureConnectionError => "the TLS handshake with the vendor failed",
            HttpRequestError.ResponseEnded => "the connection closed before the answer was complete",
            HttpRequestError.InvalidResponse => "the answer is not valid HTTP",
            _ => "the connection to the vendor failed",
        } : failure is SocketException && delivery == DeliveryState.NotSent ? "could not connect to the vendor" : "the connection to the vendor failed";
        return delivery == DeliveryState.NotSent ? $"{what}; the request was not sent" : $"{what}; the vendor may have received the request";
    }
}
