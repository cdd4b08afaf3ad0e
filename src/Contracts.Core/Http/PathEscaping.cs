using System.Buffers;
using System.Text;

namespace Contracts.Core.Http;

/// <summary>
/// How a client writes one value as one path segment: the RFC 3986 unreserved characters (<c>A-Z a-z 0-9 - . _ ~</c>)
/// as they are, plus the punctuation its contract keeps (<c>x-path-segment-escaping</c>), and every other character
/// percent-encoded as UTF-8. <c>/</c>, <c>?</c>, <c>#</c> and <c>%</c> can never be kept, so a value always stays one
/// segment. Without a rule of its own, a client escapes as <see cref="Uri.EscapeDataString(string)"/> does.
/// </summary>
public sealed class PathEscaping
{
    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private const string HexDigits = "0123456789ABCDEF";
    private readonly SearchValues<char> _kept;

    /// <summary>Keeps <paramref name="keptPunctuation"/> (e.g. <c>=&amp;,*</c>) as written, beside the unreserved characters.</summary>
    /// <exception cref="ArgumentException">
    /// The punctuation holds <c>/</c>, <c>?</c>, <c>#</c>, <c>%</c> or <c>\</c>, which would split or end the segment
    /// (.NET reads <c>\</c> as <c>/</c> in an http path), or <c>{</c> or <c>}</c>, which would let a value look like a
    /// route placeholder.
    /// </exception>
    public PathEscaping(string keptPunctuation)
    {
        ArgumentNullException.ThrowIfNull(keptPunctuation);
        if (keptPunctuation.AsSpan().IndexOfAny("/?#%\\{}") >= 0)
            throw new ArgumentException("'/', '?', '#', '%', '\\', '{' and '}' cannot be kept in a path segment.", nameof(keptPunctuation));
        KeptPunctuation = keptPunctuation;
        _kept = SearchValues.Create(Unreserved + keptPunctuation);
    }

    /// <summary>The punctuation written as it is, beside the unreserved characters.</summary>
    public string KeptPunctuation { get; }

    /// <summary>Writes <paramref name="value"/> as one path segment (checked by <see cref="RouteSafety"/> first).</summary>
    public string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.AsSpan().ContainsAnyExcept(_kept))
            return value;

        var text = new StringBuilder(value.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && _kept.Contains((char)rune.Value))
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
}
