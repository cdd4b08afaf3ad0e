using System.Globalization;
using System.Text;

namespace Contracts.Core;

/// <summary>
/// A call a vendor refused or could not complete. Every vendor's exception derives from it, so callers can catch
/// one type and still read what the vendor said: HTTP status, the vendor's error code and its request id.
/// </summary>
/// <remarks>
/// Messages are built from fields the SDK chose and from the vendor's answer, which the HTTP pipeline has already
/// scrubbed of every secret the request carried (see <see cref="Http.WireHandler"/>): never from a request.
/// </remarks>
public abstract class VendorApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="vendor">Vendor name as users know it (ENGAGE, Ogangi, Accengage, ONC).</param>
    /// <param name="summary">What failed, in a few words.</param>
    /// <param name="statusCode">HTTP status, when there was an HTTP answer.</param>
    /// <param name="errorCode">The vendor's error code, when it gave one.</param>
    /// <param name="vendorMessage">The vendor's own explanation, when it gave one.</param>
    /// <param name="requestId">The vendor's request id, to quote to its support.</param>
    /// <param name="innerException">The underlying failure.</param>
    protected VendorApiException(
        string vendor,
        string summary,
        int? statusCode,
        string? errorCode,
        string? vendorMessage,
        string? requestId,
        Exception? innerException)
        : this(vendor, summary, statusCode, errorCode, vendorMessage, requestId, DeliveryOf(statusCode), innerException)
    {
    }

    /// <summary>Creates the exception, saying what the vendor may have done with the request.</summary>
    /// <param name="vendor">Vendor name as users know it (ENGAGE, Ogangi, Accengage, ONC).</param>
    /// <param name="summary">What failed, in a few words.</param>
    /// <param name="statusCode">HTTP status, when there was an HTTP answer.</param>
    /// <param name="errorCode">The vendor's error code, when it gave one.</param>
    /// <param name="vendorMessage">The vendor's own explanation, when it gave one.</param>
    /// <param name="requestId">The vendor's request id, to quote to its support.</param>
    /// <param name="delivery">What the vendor may have done with the request.</param>
    /// <param name="innerException">The underlying failure.</param>
    protected VendorApiException(
        string vendor,
        string summary,
        int? statusCode,
        string? errorCode,
        string? vendorMessage,
        string? requestId,
        DeliveryState delivery,
        Exception? innerException)
        : base(Compose(vendor, summary, statusCode, errorCode, vendorMessage, requestId), innerException)
    {
        Vendor = vendor;
        Delivery = delivery;
        StatusCode = statusCode;
        ErrorCode = string.IsNullOrEmpty(errorCode) ? null : errorCode;
        VendorMessage = string.IsNullOrEmpty(vendorMessage) ? null : vendorMessage;
        RequestId = string.IsNullOrEmpty(requestId) ? null : requestId;
        // The call's span, still open in its scope, learns the verdict the caller gets.
        Telemetry.VendorCallScope.Record(this);
    }

    /// <summary>The vendor (ENGAGE, Ogangi, Accengage, ONC).</summary>
    public string Vendor { get; }

    /// <summary>The HTTP status of the vendor's answer; null when no answer came.</summary>
    public int? StatusCode { get; }

    /// <summary>The vendor's error code, as the vendor wrote it.</summary>
    public string? ErrorCode { get; }

    /// <summary>The vendor's explanation.</summary>
    public string? VendorMessage { get; }

    /// <summary>The vendor's id for the request; quote it to the vendor's support.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// What the vendor may have done with the request: <see cref="DeliveryState.Unknown"/> means it may have acted
    /// on it, so sending it again could act twice. The SDK never re-sends such a request by itself.
    /// </summary>
    public DeliveryState Delivery { get; }

    /// <summary>
    /// What an answer with <paramref name="statusCode"/> says about the request: no answer or a server error (5xx)
    /// leaves it unknown; any other status is the vendor's refusal.
    /// </summary>
    public static DeliveryState DeliveryOf(int? statusCode) => statusCode switch
    {
        null or >= 500 => DeliveryState.Unknown,
        _ => DeliveryState.Refused,
    };

    private static string Compose(string vendor, string summary, int? statusCode, string? errorCode, string? vendorMessage, string? requestId)
    {
        var text = new StringBuilder();
        text.Append(vendor).Append(": ").Append(summary);
        if (!string.IsNullOrEmpty(vendorMessage))
            text.Append(": ").Append(vendorMessage);
        var details = new List<string>(3);
        if (statusCode is { } status)
            details.Add(string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"));
        if (!string.IsNullOrEmpty(errorCode))
            details.Add($"error code {errorCode}");
        if (!string.IsNullOrEmpty(requestId))
            details.Add($"request id {requestId}");
        if (details.Count > 0)
            text.Append(" (").AppendJoin(", ", details).Append(')');
        return text.ToString();
    }
}
