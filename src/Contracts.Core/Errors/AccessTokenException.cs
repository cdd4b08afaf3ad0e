namespace Contracts.Core;

/// <summary>
/// No access token could be obtained, so the call was never sent: the vendor refused the credentials or its token
/// endpoint failed. Carries what the token endpoint answered.
/// </summary>
public sealed class AccessTokenException : VendorApiException
{
    /// <summary>Creates the exception.</summary>
    public AccessTokenException(string vendor, int? statusCode, string? errorCode, string? vendorMessage, string? requestId, Exception? innerException)
        : base(vendor, "could not get an access token", statusCode, errorCode, vendorMessage, requestId, innerException)
    {
    }
}
