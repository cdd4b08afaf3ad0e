namespace Contracts.Core;

/// <summary>
/// The vendor answered with a redirect, which the client never follows: none of the vendors documents redirects,
/// and following one would send the request's credentials, signature or body to wherever the answer points. It
/// usually means the base URL is wrong (http instead of https, a moved host); set
/// <see cref="VendorClientOptions.BaseUrl"/> to the location if you trust it.
/// </summary>
public sealed class RedirectRefusedException : VendorApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="vendor">Vendor name as users know it.</param>
    /// <param name="statusCode">The redirect status (301, 302, 303, 307, 308, ...).</param>
    /// <param name="location">The redirect's target, already scrubbed of the request's secrets; null when the answer named none.</param>
    public RedirectRefusedException(string vendor, int statusCode, string? location)
        : base(vendor, $"the answer redirects to {(string.IsNullOrEmpty(location) ? "no location" : location)}, which is not followed", statusCode, null, null, null, DeliveryState.Refused, null)
    {
        Location = location;
    }

    /// <summary>Where the answer pointed (scrubbed of the request's secrets), or null.</summary>
    public string? Location { get; }
}
