using System.ServiceModel;

namespace Contracts.Onc.Http;

/// <summary>
/// Sends one SOAP call with the caller's cancellation, and turns what WCF throws into what callers of this SDK
/// expect: <see cref="OperationCanceledException"/> when they cancelled, <see cref="OncException"/> (with the
/// HTTP status) for SOAP faults, HTTP errors and answers that are not SOAP. Connection failures and timeouts keep
/// WCF's exception types.
/// </summary>
internal static class OncWire
{
    public static async Task<T> SendAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var context = OncCallContext.Begin(cancellationToken);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OncException)
        {
            throw new OperationCanceledException($"{operation} was cancelled.", ex, cancellationToken);
        }
        catch (FaultException fault)
        {
            throw new OncException(operation, null, fault.Message, context.StatusCode ?? 500, fault);
        }
        catch (CommunicationException failure) when (context.StatusCode is >= 400 and var status)
        {
            throw new OncException(operation, null, $"the service answered HTTP {status}", status, failure);
        }
        catch (CommunicationException failure) when (context.StatusCode is { } status)
        {
            // An answer came but WCF could not read it (cut short, not XML, not a SOAP envelope): the call's outcome is unknown.
            throw new OncException(operation, null, $"the service's answer could not be read as SOAP ({failure.Message})", status, failure);
        }
    }
}
