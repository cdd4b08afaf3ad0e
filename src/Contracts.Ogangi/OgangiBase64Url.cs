using System.Text;

namespace Contracts.Ogangi;

/// <summary>
/// The Base64 Ogangi expects for encoded parameters: the UTF-8 bytes of the value in the URL-safe alphabet
/// (<c>-</c>, <c>_</c>) with <c>=</c> padding, as Java's <c>Base64.getUrlEncoder()</c> writes it.
/// </summary>
/// <remarks><see cref="System.Buffers.Text.Base64Url"/> leaves the padding out, so it is not used here.</remarks>
public static class OgangiBase64Url
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes <paramref name="value"/>, e.g. <c>13056708084</c> as <c>MTMwNTY3MDgwODQ=</c>.</summary>
    /// <exception cref="ArgumentException">The value holds a lone surrogate, which has no UTF-8 form.</exception>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(value);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException("The value is not valid Unicode text (it holds a lone surrogate).", nameof(value));
        }
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }
}
