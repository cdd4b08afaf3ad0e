using Contracts.Core.Http;

namespace Contracts.Core;

/// <summary>
/// The vendor answered with a success status, but the answer cannot be read as the contract says: a list answer
/// without its item list, an empty result where the contract requires one, a count of records with no record.
/// Rather than an empty list or default fields, the call fails and carries what the vendor sent.
/// </summary>
/// <remarks>
/// <see cref="RawBody"/> is the body the HTTP pipeline kept (bounded by MaxResponseBytes and scrubbed of every
/// secret the request carried), cut to <see cref="MaxRawBodyChars"/> characters.
/// </remarks>
public sealed class UnreadableAnswerException : VendorApiException
{
    /// <summary>The most characters of the answer's body kept in <see cref="RawBody"/>.</summary>
    public const int MaxRawBodyChars = 4096;

    /// <summary>Creates the exception.</summary>
    /// <param name="vendor">Vendor name as users know it.</param>
    /// <param name="operation">The operation whose answer could not be read (e.g. listCampaigns).</param>
    /// <param name="reason">What is missing or wrong, in a few words.</param>
    /// <param name="statusCode">HTTP status of the answer.</param>
    /// <param name="rawBody">The answer's body as the pipeline kept it, or null.</param>
    public UnreadableAnswerException(string vendor, string operation, string reason, int? statusCode, string? rawBody)
        : base(vendor, $"the answer to {operation} cannot be read: {reason}", statusCode, null, null, null, DeliveryState.Unknown, null)
    {
        Operation = operation;
        Reason = reason;
        RawBody = rawBody is { Length: > MaxRawBodyChars } ? rawBody[..MaxRawBodyChars] : rawBody;
    }

    /// <summary>Creates the exception from the answer <paramref name="capture"/> kept.</summary>
    /// <param name="vendor">Vendor name as users know it.</param>
    /// <param name="operation">The operation whose answer could not be read.</param>
    /// <param name="reason">What is missing or wrong, in a few words.</param>
    /// <param name="capture">The capture begun around the call.</param>
    public UnreadableAnswerException(string vendor, string operation, string reason, ResponseCapture? capture)
        : this(vendor, operation, reason, capture?.StatusCode, capture?.Body)
    {
    }

    /// <summary>The operation whose answer could not be read.</summary>
    public string Operation { get; }

    /// <summary>What is missing or wrong in the answer.</summary>
    public string Reason { get; }

    /// <summary>The start of the answer's body (at most <see cref="MaxRawBodyChars"/> characters, secrets scrubbed), or null.</summary>
    public string? RawBody { get; }
}
