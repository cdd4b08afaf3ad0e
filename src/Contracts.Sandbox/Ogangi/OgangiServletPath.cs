using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Contracts.Sandbox.Ogangi;

/// <summary>
/// Takes a request path apart the way the Java servlet container in front of Ogangi's REST resources does: the raw
/// path (as sent, before any decoding) split on <c>/</c>, each segment percent-decoded as UTF-8 on its own, so a
/// <c>%2F</c> stays inside its segment. Empty, <c>.</c> and <c>..</c> segments are then removed or resolved, as HTTP
/// stacks do (the reason the contract forbids them as values).
/// </summary>
/// <remarks>
/// ASP.NET's own <see cref="HttpRequest.Path"/> is already decoded (all but <c>%2F</c>), which is not what a Java
/// server sees, so the raw target is read instead. '+' stays '+': in a path it is not a space.
/// </remarks>
internal static class OgangiServletPath
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decoded segments after <paramref name="prefix"/>, or null when the path is not well formed (a 400).</summary>
    public static IReadOnlyList<string>? Segments(HttpContext context, string prefix)
    {
        var raw = RawPath(context);
        string vendorPath;
        if (raw.StartsWith(prefix, StringComparison.Ordinal))
            vendorPath = raw[prefix.Length..];
        else if (context.Request.Path.StartsWithSegments(prefix, StringComparison.Ordinal))
            vendorPath = raw; // routed here by the X-Sandbox-Vendor header: the raw target is already Ogangi's own path
        else
            return [];
        var segments = new List<string>();
        foreach (var encoded in vendorPath.Split('/'))
        {
            if (Decode(encoded) is not { } segment)
                return null;
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (segments.Count > 0)
                        segments.RemoveAt(segments.Count - 1);
                    break;
                default:
                    segments.Add(segment);
                    break;
            }
        }
        return segments;
    }

    private static string RawPath(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
            return context.Request.PathBase + context.Request.Path; // absolute-form or no raw target: the decoded path is all there is
        var end = target.IndexOfAny(['?', '#']);
        return end < 0 ? target : target[..end];
    }

    /// <summary>Percent-decodes one segment; null when a '%' is not followed by two hex digits or the bytes are not UTF-8.</summary>
    private static string? Decode(string segment)
    {
        if (!segment.Contains('%', StringComparison.Ordinal))
            return segment;
        var bytes = new List<byte>(segment.Length);
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (c != '%')
            {
                // Raw non-ASCII in a request line is not valid HTTP; Kestrel has already refused it.
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }
            if (i + 2 >= segment.Length || !char.IsAsciiHexDigit(segment[i + 1]) || !char.IsAsciiHexDigit(segment[i + 2]))
                return null;
            bytes.Add(Convert.ToByte(segment.Substring(i + 1, 2), 16));
            i += 2;
        }
        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
