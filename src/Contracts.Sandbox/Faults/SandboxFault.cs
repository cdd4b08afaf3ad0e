using System.Globalization;

namespace Contracts.Sandbox.Faults;

/// <summary>One answer the sandbox gives instead of the vendor's normal answer.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="ContentType">Content type of <paramref name="Body"/>.</param>
/// <param name="Body">The body; empty for none.</param>
/// <param name="RetryAfter">Sent as a Retry-After header (whole seconds) when set.</param>
public sealed record SandboxFault(int StatusCode, string ContentType = "text/plain", string Body = "", TimeSpan? RetryAfter = null)
{
    /// <summary>429 Too Many Requests with Retry-After.</summary>
    public static SandboxFault TooManyRequests(TimeSpan retryAfter) => new(429, "text/plain", "Too Many Requests", retryAfter);

    /// <summary>A server error (503 by default), as a gateway in front of the vendor sends it.</summary>
    public static SandboxFault ServerError(int statusCode = 503) => new(statusCode, "text/plain", string.Create(CultureInfo.InvariantCulture, $"{statusCode} server error"));

    /// <summary>A 200 whose body is cut short: valid headers, unparseable content.</summary>
    public static SandboxFault Malformed(string contentType = "application/json") => new(200, contentType, contentType.Contains("xml", StringComparison.Ordinal) ? "<response><status>OK</sta" : "{\"response\":\"succ");

    /// <summary>An HTML error page where the vendor's format was expected (a proxy's or a servlet container's).</summary>
    public static SandboxFault HtmlErrorPage(int statusCode = 502) => new(statusCode, "text/html", "<html><head><title>Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>");
}
