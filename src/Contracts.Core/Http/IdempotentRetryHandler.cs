using System.Net;

namespace Contracts.Core.Http;

/// <summary>
/// Sends a request again only when that cannot make the vendor act twice: after a 429 (the vendor says it did not
/// process the request), after a connection that failed before the request was written, and — for an idempotent
/// operation only (<see cref="VendorOperation.IsIdempotentRequest"/>) — after a 503 or 504. Waits what
/// <c>Retry-After</c> asks, else an exponential back-off, and never past the call's deadline: a <c>Retry-After</c>
/// that does not fit the time left ends the call at once with <see cref="RetryAfterTooLongException"/>.
/// </summary>
/// <remarks>
/// Kiota's retry handler is not used: it retries by status alone whatever the method (re-sending pushes the vendor
/// already processed after a 503) and sleeps a Retry-After into the call's timeout.
/// </remarks>
public sealed class IdempotentRetryHandler : DelegatingHandler
{
    /// <summary>The header that numbers a retry (1 for the first), as Kiota's retry handler sends it.</summary>
    public const string RetryAttemptHeader = "Retry-Attempt";

    private readonly string _vendor;
    private readonly int _maxRetries;
    private readonly TimeSpan _baseDelay;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler.</summary>
    /// <param name="vendor">Vendor name for the errors.</param>
    /// <param name="maxRetries">How many times a request may be sent again (0 to 10).</param>
    /// <param name="baseDelay">First back-off when the vendor sends no Retry-After; doubled each time.</param>
    /// <param name="timeProvider">The clock the waits use.</param>
    public IdempotentRetryHandler(string vendor, int maxRetries, TimeSpan baseDelay, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        _vendor = vendor;
        _maxRetries = maxRetries;
        _baseDelay = baseDelay;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var idempotent = VendorOperation.IsIdempotentRequest(request);
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0)
            {
                // As Kiota's retry handler does: the vendor can tell a retry from a new request.
                request.Headers.Remove(RetryAttemptHeader);
                request.Headers.TryAddWithoutValidation(RetryAttemptHeader, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
                CallRecord.Of(request).CountRetry();
            }
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception notWritten) when (attempt < _maxRetries && WireHandler.FailedBeforeWriting(notWritten))
            {
                await WaitAsync(Backoff(attempt), request, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var status = (int)response.StatusCode;
            if (attempt >= _maxRetries || !MayRetry(response.StatusCode, idempotent))
                return response;

            var asked = RetryAfter(response);
            var wait = asked ?? Backoff(attempt);
            var timeLeft = CallRecord.Of(request).TimeLeft;
            if (timeLeft != Timeout.InfiniteTimeSpan && wait >= timeLeft)
            {
                if (asked is null)
                    return response; // our own back-off does not fit: the vendor's answer stands.
                response.Dispose();
                throw new RetryAfterTooLongException(_vendor, status, wait, timeLeft, VendorApiException.DeliveryOf(status));
            }
            response.Dispose();
            await WaitAsync(wait, request, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>429 never acted; 503 and 504 may have, so only an idempotent request is sent again after them.</summary>
    private static bool MayRetry(HttpStatusCode status, bool idempotent) => status switch
    {
        HttpStatusCode.TooManyRequests => true,
        HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => idempotent,
        _ => false,
    };

    private TimeSpan Backoff(int attempt) => _baseDelay * Math.Pow(2, attempt);

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    private Task WaitAsync(TimeSpan wait, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var timeLeft = CallRecord.Of(request).TimeLeft;
        if (timeLeft != Timeout.InfiniteTimeSpan && wait > timeLeft)
            wait = timeLeft;
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, _time, cancellationToken);
    }
}
