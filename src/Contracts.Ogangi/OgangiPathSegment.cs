using System.Buffers;
using System.Text;

namespace Contracts.Ogangi;

/// <summary>
/// How one value becomes one path segment of an Ogangi URL. Ogangi carries every parameter in the path, so the
/// escaping decides whether a value can reach the vendor intact and whether it can change the route.
/// </summary>
/// <remarks>
/// RFC 3986 unreserved characters (<c>A-Z a-z 0-9 - . _ ~</c>) and <c>= &amp; , *</c> are written as they are; every
/// other character is percent-encoded as UTF-8. <c>/</c>, <c>?</c>, <c>#</c>, <c>%</c>, <c>\</c> and <c>;</c> are
/// therefore always encoded, so a value stays one segment whatever it holds. The kept punctuation is what makes the
/// URL text and the signed text the same bytes for Base64url values (<c>=</c> padding) and reproduces the vendor's
/// own MO search string (<c>from=...&amp;keyword=%5EOGANGI.*</c>); none of it has a meaning inside a path segment.
/// The values <c>""</c>, <c>"."</c> and <c>".."</c> cannot be sent: HTTP stacks (.NET's <see cref="Uri"/> among them,
/// even for <c>%2E%2E</c>) drop or collapse such segments, which would shift every later parameter.
/// </remarks>
public static class OgangiPathSegment
{
    private static readonly SearchValues<char> Kept = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~=&,*");

    /// <summary>Why <paramref name="value"/> cannot be a path segment, or null when it can.</summary>
    public static string? Problem(string? value) => value switch
    {
        null => "is required.",
        "" => "is empty; an empty path segment would shift the parameters after it.",
        "." or ".." => $"cannot be '{value}': HTTP stacks remove such a path segment, which would change the route.",
        _ => null,
    };

    /// <summary>Writes <paramref name="value"/> as one path segment.</summary>
    /// <exception cref="ArgumentException">The value is empty, <c>.</c> or <c>..</c>.</exception>
    public static string Escape(string value)
    {
        if (Problem(value) is { } problem)
            throw new ArgumentException($"An Ogangi path parameter {problem}", nameof(value));
        if (!value.AsSpan().ContainsAnyExcept(Kept))
            return value;

        var text = new StringBuilder(value.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && Kept.Contains((char)rune.Value))
            {
                text.Append((char)rune.Value);
                continue;
            }
            // A lone surrogate becomes U+FFFD here, as it would in Uri.EscapeDataString.
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
                text.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
        }
        return text.ToString();
    }

    private const string HexDigits = "0123456789ABCDEF";
}
