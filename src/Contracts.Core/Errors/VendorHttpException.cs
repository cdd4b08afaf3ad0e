using Contracts.Core.Http;

namespace Contracts.Core;

/// <summary>
/// The shape every REST vendor's exception shares: a failed answer (<see cref="VendorFailure"/>) with its status,
/// bounded body and headers, and what the vendor's error body says (error code, message, request id). A vendor's
/// exception derives from it and says only how its error body reads.
/// </summary>
public abstract class VendorHttpException : VendorApiException
{
    /// <summary>Creates the exception for <paramref name="failure"/>, with what the vendor's error body says.</summary>
    /// <param name="vendor">Vendor name as users know it.</param>
    /// <param name="failure">The failed answer, as the send path read it.</param>
    /// <param name="errorCode">The vendor's error code, when its body gave one.</param>
    /// <param name="vendorMessage">The vendor's explanation, when its body gave one.</param>
    /// <param name="requestId">The vendor's request id, when the answer gave one.</param>
    protected VendorHttpException(string vendor, VendorFailure failure, string? errorCode, string? vendorMessage, string? requestId)
        : base(vendor, Summarise((failure ?? throw new ArgumentNullException(nameof(failure))).Summary), failure.StatusCode, errorCode, vendorMessage, requestId, failure.InnerException)
    {
        Response = failure.Body;
        Headers = failure.Headers ?? throw new ArgumentException("The failure has no headers.", nameof(failure));
    }

    /// <summary>The answer's body as text, as read (bounded, scrubbed of the request's secrets and the call's personal values).</summary>
    public string? Response { get; }

    /// <summary>The answer's HTTP headers, scrubbed as <see cref="Response"/> is (secrets, and the call's personal values).</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>
    /// The contract's description of a status may span lines and end with a period; the message puts it on one line,
    /// and the base class adds the status itself.
    /// </summary>
    private static string Summarise(string summary)
    {
        var text = string.Join(' ', (summary ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.EndsWith('.') ? text[..^1] : text;
    }
}
