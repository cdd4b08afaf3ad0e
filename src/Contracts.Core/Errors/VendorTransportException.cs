namespace Contracts.Core;

/// <summary>
/// The call got no usable answer from the vendor: the connection failed or broke, the call ran out of time, or the
/// answer was too large to read. <see cref="VendorApiException.Delivery"/> says whether the request may have reached
/// the vendor (<see cref="DeliveryState.Unknown"/>) or certainly did not (<see cref="DeliveryState.NotSent"/>).
/// </summary>
public class VendorTransportException : VendorApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="vendor">Vendor name as users know it.</param>
    /// <param name="summary">What failed, in a few words chosen by the SDK (never the vendor's text).</param>
    /// <param name="delivery">Whether the request may have reached the vendor.</param>
    /// <param name="statusCode">HTTP status, when the failure came after an answer's headers.</param>
    /// <param name="innerException">The underlying failure.</param>
    public VendorTransportException(string vendor, string summary, DeliveryState delivery, int? statusCode = null, Exception? innerException = null)
        : base(vendor, summary, statusCode, errorCode: null, vendorMessage: null, requestId: null, delivery, innerException)
    {
    }
}
