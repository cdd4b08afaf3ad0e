namespace Contracts.Core;

/// <summary>
/// No access token (or session) could be obtained, so the call was never sent: the vendor refused the credentials,
/// its token endpoint failed, or it could not be reached in time. Carries what the token endpoint answered.
/// <see cref="VendorApiException.Delivery"/> is always <see cref="DeliveryState.NotSent"/>: it describes the call
/// that needed the token.
/// </summary>
public sealed class AccessTokenException : VendorApiException
{
    /// <summary>Creates the exception.</summary>
    public AccessTokenException(string vendor, int? statusCode, string? errorCode, string? vendorMessage, string? requestId, Exception? innerException)
        : base(vendor, "could not get an access token", statusCode, errorCode, vendorMessage, requestId, DeliveryState.NotSent, innerException)
    {
    }
}
