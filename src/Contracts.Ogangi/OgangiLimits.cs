namespace Contracts.Ogangi;

/// <summary>The limits the client checks before sending, and why each one is what it is.</summary>
public static class OgangiLimits
{
    /// <summary>
    /// Longest text, in UTF-16 code units (an emoji counts 2, as in a UCS-2 SMS): 1,600. Ogangi documents no limit;
    /// 1,600 is ten concatenated 160-character SMS, the maximum common SMS gateways accept. It also keeps the URL
    /// sendable: the text travels Base64url-encoded in the path, and 1,600 units are at most 4,800 UTF-8 bytes, 6,400
    /// Base64 characters, under the 8 KiB request line that Java servlet containers (Tomcat, Jetty) accept by default.
    /// </summary>
    public const int MaxTextLength = 1600;

    /// <summary>Shortest PIN: 4 digits. Ogangi documents no range; a shorter PIN is guessed in a few tries.</summary>
    public const int MinPinLength = 4;

    /// <summary>Longest PIN: 10 digits. Ogangi documents no range; longer codes are not typed back reliably from an SMS.</summary>
    public const int MaxPinLength = 10;

    /// <summary>
    /// Most incoming messages per page: 1,000. Ogangi documents no limit; the answer is one XML document read in
    /// memory, and 1,000 messages keep it well under a megabyte.
    /// </summary>
    public const int MaxPageSize = 1000;

    /// <summary>What an absent optional path parameter is written as (and signed as): the literal <c>null</c>.</summary>
    public const string AbsentValue = "null";
}
