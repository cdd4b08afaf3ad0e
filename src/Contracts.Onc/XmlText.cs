using System.Globalization;
using System.Xml;

namespace Contracts.Onc;

/// <summary>
/// Which strings a SOAP body can carry. It is XML 1.0, which has no way to write a control character other than
/// tab, line feed and carriage return, a lone surrogate, U+FFFE or U+FFFF: WCF's writer either fails half-way through
/// the request or writes a character reference the service's parser refuses. So such a value is refused before
/// anything is sent, with the SDK's own words rather than an XML error from the middle of a send.
/// </summary>
internal static class XmlText
{
    /// <summary>What XML 1.0 cannot carry, for messages.</summary>
    public const string Unwritable = "control characters other than tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF";

    /// <summary>
    /// Why <paramref name="value"/> cannot be carried — the first character XML 1.0 cannot carry, as a code point and
    /// an index — or null when it can (a null value can: it is left out or sent as nil).
    /// </summary>
    public static string? Problem(string? value)
        => IndexOfUnwritable(value) is var index and >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"holds U+{(int)value![index]:X4} at index {index}, which XML 1.0 cannot carry ({Unwritable})")
            : null;

    /// <summary>
    /// Like <see cref="Problem"/> without saying which character or where, for a secret: a password's characters are
    /// not told, not even one.
    /// </summary>
    public static string? SecretProblem(string? value)
        => IndexOfUnwritable(value) >= 0 ? $"holds a character XML 1.0 cannot carry ({Unwritable})" : null;

    /// <summary>The index of the first character XML 1.0 cannot carry, or -1. A surrogate pair (an emoji) is one character it can.</summary>
    private static int IndexOfUnwritable(string? value)
    {
        if (value is null)
            return -1;
        // Most texts are only characters from space to U+D7FF, all writable: found in one vectorised pass.
        var start = value.AsSpan().IndexOfAnyExceptInRange(' ', '\uD7FF');
        if (start < 0)
            return -1;
        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (XmlConvert.IsXmlChar(c))
                continue;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], c))
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }
}
