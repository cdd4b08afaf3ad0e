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
        // Every call encodes its number and text: both are encoded in stack buffers and copied out once.
        var maxBytes = StrictUtf8.GetMaxByteCount(value.Length);
        var rented = maxBytes <= 768 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(maxBytes);
        Span<byte> bytes = rented ?? stackalloc byte[768];
        try
        {
            int length;
            try
            {
                length = StrictUtf8.GetBytes(value, bytes);
            }
            catch (EncoderFallbackException)
            {
                throw new ArgumentException("The value is not valid Unicode text (it holds a lone surrogate).", nameof(value));
            }
            var charCount = Base64Length(length);
            Span<char> base64 = charCount <= 1024 ? stackalloc char[1024] : new char[charCount];
            base64 = base64[..charCount];
            Convert.TryToBase64Chars(bytes[..length], base64, out _);
            base64.Replace('+', '-');
            base64.Replace('/', '_');
            return new string(base64);
        }
        finally
        {
            if (rented is not null)
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int Base64Length(int bytes) => (bytes + 2) / 3 * 4;
}
