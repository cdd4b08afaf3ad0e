namespace Contracts.Ogangi;

/// <summary>The <c>&lt;status&gt;</c> of an Ogangi answer, as far as this SDK knows it.</summary>
public enum OgangiStatus
{
    /// <summary>The answer had no readable Ogangi status: an HTML error page, malformed XML, an empty body.</summary>
    Unreadable = 0,

    /// <summary><c>OK</c> (Completed): the call was executed.</summary>
    Ok,

    /// <summary>
    /// <c>BAD_SIGNATURE</c> (Invalid signature, access denied): the public key, the private key or the instance id do
    /// not match, or a parameter changed after signing.
    /// </summary>
    BadSignature,

    /// <summary><c>ERROR</c> (Internal error): Ogangi asks to report it to support@messangi.com.</summary>
    Error,

    /// <summary>A status this SDK does not know; <see cref="Contracts.Core.VendorApiException.ErrorCode"/> holds its text.</summary>
    Other,
}
