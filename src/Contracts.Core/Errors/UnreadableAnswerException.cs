using Contracts.Core.Http;

namespace Contracts.Core;

/// <summary>
/// The vendor answered, but the answer does not say what the contract says it must: a list property or result element
/// is missing, items are in a namespace or under a name the contract does not define, a result is empty where the
/// contract requires one. The SDK reports this instead of returning an empty list or default fields, which would
/// pass a misread answer off as the vendor's. <see cref="RawBody"/> holds what the vendor sent, to quote to its support
/// or to correct the contract.
/// </summary>
/// <remarks>
/// The vendor may have acted on the request (it answered with a success status), so
/// <see cref="VendorApiException.Delivery"/> is <see cref="DeliveryState.Unknown"/> unless the caller says otherwise.
/// The body was scrubbed of every secret the request carried before anything read it.
/// </remarks>
public sealed class UnreadableAnswerException : VendorApiException
{
    /// <summary>The most characters of the answer kept in <see cref="RawBody"/>; the rest is cut off.</summary>
    public const int MaxRawBodyChars = 16 * 1024;

    /// <summary>Creates the exception.</summary>
    /// <param name="vendor">Vendor name as users know it.</param>
    /// <param name="operation">The contract's operation whose answer could not be read.</param>
    /// <param name="reason">What in the answer does not fit the contract, in the SDK's words.</param>
    /// <param name="statusCode">The answer's HTTP status.</param>
    /// <param name="rawBody">The answer's body as received (already scrubbed of secrets); kept up to <see cref="MaxRawBodyChars"/>.</param>
    /// <param name="delivery">What the vendor may have done with the request.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public UnreadableAnswerException(
        string vendor,
        string operation,
        string reason,
        int? statusCode,
        string? rawBody,
        DeliveryState delivery = DeliveryState.Unknown,
        Exception? innerException = null)
        : base(vendor, $"the answer to {operation} cannot be read: {reason}", statusCode, errorCode: null, vendorMessage: null, requestId: null, delivery, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Operation = operation;
        Reason = reason;
        RawBody = rawBody is { Length: > MaxRawBodyChars } ? rawBody[..MaxRawBodyChars] : rawBody;
    }

    /// <summary>Creates the exception from the answer <paramref name="capture"/> kept (its status and body).</summary>
    /// <param name="vendor">Vendor name as users know it.</param>
    /// <param name="operation">The contract's operation whose answer could not be read.</param>
    /// <param name="reason">What in the answer does not fit the contract, in the SDK's words.</param>
    /// <param name="capture">The capture begun around the call; null when there was none.</param>
    public UnreadableAnswerException(string vendor, string operation, string reason, ResponseCapture? capture)
        : this(vendor, operation, reason, capture?.StatusCode, capture?.Body)
    {
    }

    /// <summary>The contract's operation whose answer could not be read.</summary>
    public string Operation { get; }

    /// <summary>What in the answer does not fit the contract.</summary>
    public string Reason { get; }

    /// <summary>The answer's body (first <see cref="MaxRawBodyChars"/> characters), scrubbed of the request's secrets.</summary>
    public string? RawBody { get; }
}
