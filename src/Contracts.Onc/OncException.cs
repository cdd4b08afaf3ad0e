using System.Globalization;
using Contracts.Core;

namespace Contracts.Onc;

/// <summary>
/// The ONC service refused a call: an error code other than 0 (with its description, when the answer carries one),
/// no list where a list was due (the service's documented error signal, which carries no code), a SOAP fault or an
/// HTTP error. <see cref="Operation"/> names the SOAP operation that failed, and <see cref="VendorApiException.Delivery"/>
/// whether the service may have acted on it.
/// </summary>
/// <remarks>The message holds what the service answered only: never a password or a session id.</remarks>
public sealed class OncException : VendorApiException
{
    internal const string VendorName = "ONC";

    /// <summary>Creates the exception for an answer with an error code.</summary>
    /// <param name="operation">The SOAP operation, e.g. AddCampaignContact.</param>
    /// <param name="code">The service's error code (0 means success, so never 0 here), or null when it gave none.</param>
    /// <param name="description">The service's description of the error, when it gave one.</param>
    /// <param name="statusCode">The HTTP status, when the failure was an HTTP error or a SOAP fault.</param>
    /// <param name="innerException">The underlying failure.</param>
    /// <remarks><see cref="VendorApiException.Delivery"/> follows the status: unknown without one or for a 5xx, refused otherwise.</remarks>
    public OncException(string operation, int? code, string? description, int? statusCode = null, Exception? innerException = null)
        : this(operation, code, description, DeliveryOf(statusCode), statusCode, innerException)
    {
    }

    /// <summary>Creates the exception, saying what the service may have done with the request.</summary>
    /// <param name="operation">The SOAP operation, e.g. AddCampaignContact.</param>
    /// <param name="code">The service's error code (0 means success, so never 0 here), or null when it gave none.</param>
    /// <param name="description">The service's description of the error, when it gave one.</param>
    /// <param name="delivery">
    /// <see cref="DeliveryState.Refused"/> for an answer that says the service did not act (an error code, a missing
    /// list); <see cref="DeliveryState.Unknown"/> when it may have (a SOAP fault, a 5xx, an answer that cannot be read).
    /// </param>
    /// <param name="statusCode">The HTTP status, when the failure was an HTTP error or a SOAP fault.</param>
    /// <param name="innerException">The underlying failure.</param>
    public OncException(string operation, int? code, string? description, DeliveryState delivery, int? statusCode = null, Exception? innerException = null)
        : base(VendorName, $"{operation} failed", statusCode, code?.ToString(CultureInfo.InvariantCulture), description, requestId: null, delivery, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        Operation = operation;
        Code = code;
    }

    /// <summary>The SOAP operation that failed (OpenAPISession when no session could be opened).</summary>
    public string Operation { get; }

    /// <summary>The service's error code; null when the failure carried none (a missing list, a fault, an HTTP error).</summary>
    public int? Code { get; }

    /// <summary>The service's description of the error (or the SOAP fault's reason), when there was one.</summary>
    public string? Description => VendorMessage;

    /// <summary>
    /// True when the service refused to open a session (OpenAPISession answered an error code): nothing else was sent.
    /// Callers meet this exception as the inner exception of the <see cref="AccessTokenException"/> the call throws.
    /// </summary>
    public bool IsSessionFailure => Operation == OncOperations.OpenApiSession;

    /// <summary>A list-returning operation answered without a list.</summary>
    internal static OncException NoList(string operation)
        => new(operation, null, "the service answered without a list, its documented signal of an error while processing the request", DeliveryState.Refused);
}
