namespace Contracts.Core;

/// <summary>
/// The vendor's answer was larger than <see cref="VendorClientOptions.MaxResponseBytes"/>: the client stopped
/// reading it and dropped the connection, so memory stays bounded whatever a server sends.
/// </summary>
public sealed class ResponseTooLargeException : VendorTransportException
{
    /// <summary>Creates the exception.</summary>
    public ResponseTooLargeException(string vendor, long limit, int statusCode, DeliveryState delivery)
        : base(vendor, $"the answer is larger than the limit of {limit} bytes (MaxResponseBytes); it was not read", delivery, statusCode)
    {
        Limit = limit;
    }

    /// <summary>The limit that was exceeded, in bytes.</summary>
    public long Limit { get; }
}
