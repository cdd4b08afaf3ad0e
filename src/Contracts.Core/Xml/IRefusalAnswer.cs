namespace Contracts.Core.Xml;

/// <summary>
/// An answer model that can say the vendor refused the call although the HTTP status is a success (Ogangi answers
/// <c>&lt;status&gt;BAD_SIGNATURE&lt;/status&gt;</c> with HTTP 200, ENGAGE a JSON answer whose errorCode is 200). The
/// send path, reading XML or JSON, treats such an answer as a failure
/// and maps it through the client's error table, so a generated operation never hands a refusal back as its result:
/// success is a positive signal from the vendor.
/// </summary>
public interface IRefusalAnswer
{
    /// <summary>True when the answer says the vendor did not do what was asked (any status but its success).</summary>
    bool IsRefusal { get; }
}
