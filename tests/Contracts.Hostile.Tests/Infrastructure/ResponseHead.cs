using System.Globalization;
using System.Text;

namespace Contracts.Hostile.Tests.Infrastructure;

/// <summary>
/// The bytes of a response's status line and header fields, written exactly as given: no field is added, removed or
/// reordered, so a script can send a head that contradicts itself when that is the point of the test.
/// </summary>
internal static class ResponseHead
{
    public static byte[] Encode(int status, IEnumerable<(string Name, string Value)> fields)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n");
        foreach (var (name, value) in fields)
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        head.Append("\r\n");
        return Encoding.UTF8.GetBytes(head.ToString());
    }

    /// <summary>Throws unless <paramref name="status"/> has the three digits a status line needs.</summary>
    public static void Validate(int status)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 999);
    }

    /// <summary>The usual reason phrase; empty for others, which RFC 9112 allows (clients must ignore it).</summary>
    private static string ReasonPhrase(int status) => status switch
    {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    };
}
