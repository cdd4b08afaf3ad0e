using Contracts.Core;
using Contracts.Core.Http;

namespace Contracts.Engage;

/// <summary>
/// ENGAGE refused a call or answered with a failure: HTTP status, ENGAGE's errorCode, its message and its requestId,
/// read from the body whatever the status (ENGAGE writes them on undeclared statuses too: a 403 or 404 from a gateway,
/// a 500 on the push route). Thrown for every non-success status and by the friendly methods for an HTTP 200 answer
/// whose errorCode says failure.
/// </summary>
public partial class EngageException : VendorHttpException
{
    internal const string VendorName = "ENGAGE";

    /// <summary>Creates the exception for <paramref name="failure"/>, with ENGAGE's message, errorCode and requestId when its body carries them.</summary>
    public EngageException(VendorFailure failure)
        : this(failure, ErrorBodyFields.Read(failure?.Body, "message", "errorCode", "requestId"))
    {
    }

    private EngageException(VendorFailure failure, string?[]? fields)
        : base(VendorName, failure!, fields?[1], fields?[0], fields?[2])
    {
    }

    /// <summary>For an answer read already (a declared failure's body, a refusal in an HTTP 200): its fields when it is one of ENGAGE's.</summary>
    internal EngageException(VendorFailure failure, object? answer)
        : this(failure, answer as IEngageAnswer)
    {
    }

    private EngageException(VendorFailure failure, IEngageAnswer? answer)
        : base(VendorName, failure, answer?.ErrorCode, answer?.Explanation, answer?.RequestId)
    {
    }

    /// <summary>True when ENGAGE refused the bearer token (HTTP 401) even after the client fetched a fresh one.</summary>
    public bool IsUnauthorized => StatusCode == 401;
}
