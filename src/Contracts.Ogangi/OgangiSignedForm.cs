namespace Contracts.Ogangi;

/// <summary>
/// Which text of each path parameter the signature covers. The Messangi RESTful API documentation says the signature
/// "involves all input parameters", as they appear in the URL, and its only worked example (a login call signing
/// <c>8/peter/peterpassword</c>) holds no character that percent-encoding changes, so both readings fit it.
/// </summary>
public enum OgangiSignedForm
{
    /// <summary>
    /// The values before percent-encoding (default): what a server that decodes its path parameters sees. Differs
    /// from <see cref="AsInUrl"/> only for a free-text segment with a character outside the kept set (a space, <c>^</c>
    /// in an MO filter such as the document's <c>^OGANGI.*</c>).
    /// </summary>
    DecodedValues,

    /// <summary>The segments exactly as written in the URL, percent-encoding included.</summary>
    AsInUrl,
}
