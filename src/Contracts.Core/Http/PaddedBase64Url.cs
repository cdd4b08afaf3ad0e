using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Contracts.Core.Validation;

namespace Contracts.Core.Http;

/// <summary>
/// Base64 in the URL-safe alphabet (<c>-</c>, <c>_</c>; RFC 4648 section 5) with <c>=</c> padding, over the UTF-8
/// bytes of a text: what Java's <c>Base64.getUrlEncoder()</c> writes, and what a vendor built on it expects in a path
/// segment (Ogangi's numbers and texts). <see cref="Base64Url"/> leaves the padding out, so it is added here.
/// </summary>
public static class PaddedBase64Url
{
    private const int StackBytes = 768;
    private const int StackChars = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes <paramref name="value"/>, e.g. <c>13056708084</c> as <c>MTMwNTY3MDgwODQ=</c>.</summary>
    /// <exception cref="ArgumentException">The value holds a lone surrogate, which has no UTF-8 form.</exception>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // A call that carries such values encodes each one: through stack buffers, copied out once.
        var maxBytes = StrictUtf8.GetMaxByteCount(value.Length);
        var rented = maxBytes <= StackBytes ? null : ArrayPool<byte>.Shared.Rent(maxBytes);
        Span<byte> bytes = rented ?? stackalloc byte[StackBytes];
        try
        {
            var length = Utf8Of(value, bytes);
            var padded = (length + 2) / 3 * 4;
            Span<char> text = padded <= StackChars ? stackalloc char[StackChars] : new char[padded];
            var written = Base64Url.EncodeToChars(bytes[..length], text);
            text[written..padded].Fill('=');
            return new string(text[..padded]);
        }
        finally
        {
            // Cleared: it held a recipient's number or a message text, which the pool's next renter must not read.
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }

    private static int Utf8Of(string value, Span<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetBytes(value, bytes);
        }
        catch (EncoderFallbackException)
        {
            throw new InvalidRequestException("The value is not valid Unicode text (it holds a lone surrogate); nothing was sent.", nameof(value));
        }
    }
}
