namespace Contracts.Core;

/// <summary>
/// The call did not finish within the client's <see cref="VendorClientOptions.Timeout"/>, which bounds the whole
/// call: connecting, sending, waiting for the answer, reading its body, retries and their waits.
/// </summary>
public sealed class VendorTimeoutException : VendorTransportException
{
    /// <summary>Creates the exception.</summary>
    public VendorTimeoutException(string vendor, TimeSpan timeout, DeliveryState delivery, Exception? innerException = null)
        : base(vendor, $"no complete answer within the timeout of {timeout.TotalSeconds:0.###} s", delivery, statusCode: null, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The time the call was allowed.</summary>
    public TimeSpan Timeout { get; }
}
