using System.Runtime.ExceptionServices;
using System.ServiceModel;
using Contracts.Core;

namespace Contracts.Onc.Http;

/// <summary>
/// Sends one SOAP request with the caller's cancellation and its session id, and turns what WCF throws into what
/// callers of this SDK expect. WCF wraps what its HttpClient throws (in CommunicationException, TimeoutException,
/// ProtocolException, TaskCanceledException...), which would hide the SDK's typed errors and what they say about
/// delivery: the typed error the pipeline threw (<see cref="OncCallContext.Failure"/>) is thrown as it is —
/// <see cref="VendorTimeoutException"/>, <see cref="VendorTransportException"/>, <see cref="RedirectRefusedException"/>,
/// <see cref="ResponseTooLargeException"/> — and a cancellation as <see cref="VendorCallCanceledException"/> with the
/// caller's own token. An answer that is a SOAP fault, an HTTP error or not SOAP at all becomes
/// <see cref="OncException"/> with the HTTP status.
/// </summary>
internal sealed class OncWire
{
    private readonly TimeSpan _timeout;

    /// <param name="timeout">The client's Timeout, for the rare timeout only WCF saw (see <see cref="OncBinding"/>).</param>
    public OncWire(TimeSpan timeout) => _timeout = timeout;

    /// <summary>
    /// Sends <paramref name="call"/> of <paramref name="state"/> (no closure per request), which carries
    /// <paramref name="sessionId"/> (null for OpenAPISession) and <paramref name="personal"/> (the contact or campaign
    /// it sends, if any), whose values are personal.
    /// </summary>
    public async Task<T> SendAsync<TState, T>(string operation, string? sessionId, TState state, Func<TState, Task<T>> call, object? personal, CancellationToken cancellationToken)
    {
        var context = Begin(operation, sessionId, personal, cancellationToken);
        try
        {
            return await call(state).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            // Keeps the stack of where the surfaced exception was first thrown (the pipeline's typed error, or the original).
            ExceptionDispatchInfo.Throw(Translate(operation, failure, context, cancellationToken));
            throw; // not reached: Throw does not return
        }
    }

    /// <summary>
    /// Starts a request of <paramref name="operation"/> carrying <paramref name="sessionId"/> and the personal values of
    /// <paramref name="personal"/> on this flow, for an async method that sends it itself
    /// and gives what it throws to <see cref="Translate"/> (as <see cref="SendAsync"/> does).
    /// </summary>
    /// <exception cref="VendorCallCanceledException">The caller had already cancelled: nothing is sent.</exception>
    public static OncCallContext Begin(string operation, string? sessionId, object? personal, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            throw new VendorCallCanceledException(OncException.VendorName, DeliveryState.NotSent, null, cancellationToken);
        return OncCallContext.Begin(operation, cancellationToken, sessionId, personal);
    }

    /// <summary>What callers of the SDK are given for <paramref name="failure"/>, which the request of <paramref name="context"/> threw.</summary>
    public Exception Translate(string operation, Exception failure, OncCallContext context, CancellationToken cancellationToken)
    {
        switch (context.Failure ?? TypedFailureIn(failure))
        {
            case VendorCallCanceledException canceled when cancellationToken.IsCancellationRequested:
                return new VendorCallCanceledException(OncException.VendorName, canceled.Delivery, failure, cancellationToken);
            case VendorCallCanceledException abandoned:
                // Not the caller's token: WCF gave up on the request (its backstop timeout, or the client was aborted).
                return new VendorTimeoutException(OncException.VendorName, _timeout, abandoned.Delivery, failure);
            case VendorApiException typed:
                return typed;
        }

        var status = context.StatusCode;
        if (status is not null)
            failure = OncPersonalMasking.Masked(failure, context);
        return failure switch
        {
            // A fault with a 4xx says the service refused the request; with a 5xx, or with 200 (which SOAP 1.1 does not
            // pair with a fault: the service said both that it did and did not process it), it may have acted.
            FaultException fault => new OncException(operation, null, fault.Message, status is >= 400 and < 500 ? DeliveryState.Refused : DeliveryState.Unknown, status ?? 500, fault),
            _ when status >= 400 => new OncException(operation, null, $"the service answered HTTP {status}", VendorApiException.DeliveryOf(status), status, failure),
            // An answer came but WCF could not read it (cut short, not XML, not a SOAP envelope): whether the service acted is unknown.
            _ when status is not null => new OncException(operation, null, $"the service's answer could not be read as SOAP ({failure.Message})", DeliveryState.Unknown, status, failure),
            OperationCanceledException when cancellationToken.IsCancellationRequested => new VendorCallCanceledException(OncException.VendorName, DeliveryState.Unknown, failure, cancellationToken),
            TimeoutException => new VendorTimeoutException(OncException.VendorName, _timeout, DeliveryState.Unknown, failure),
            // No answer and no typed failure: a pipeline without the SDK's handlers (one the caller built) failed.
            CommunicationException => new VendorTransportException(OncException.VendorName, "the request failed without an answer; the service may have received it", DeliveryState.Unknown, innerException: failure),
            _ => failure,
        };
    }

    /// <summary>The SDK's typed failure among <paramref name="failure"/> and its inner exceptions, should the context have missed it.</summary>
    private static Exception? TypedFailureIn(Exception failure)
    {
        for (Exception? inner = failure; inner is not null; inner = inner.InnerException)
        {
            if (inner is VendorApiException or VendorCallCanceledException)
                return inner;
        }
        return null;
    }
}
