using System.Security.Cryptography;
using System.Text;

namespace Contracts.Ogangi;

/// <summary>
/// Ogangi's request signature: lowercase hexadecimal HMAC-SHA256, keyed with the UTF-8 bytes of the private key,
/// over the call's path parameters joined by <c>/</c> (base URL, method name, public key and signature excluded).
/// The vendor's login example signs <c>8/peter/peterpassword</c>.
/// </summary>
/// <remarks>
/// The parameters are signed as values, before percent-encoding (the contract's <c>x-path-segment-escaping</c>). Holds the
/// private key; <see cref="ToString"/> never shows it.
/// </remarks>
public sealed class OgangiSigner
{
    private readonly byte[] _key;

    /// <summary>Creates a signer for <paramref name="privateKey"/>.</summary>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    public OgangiSigner(string privateKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(privateKey);
        _key = Encoding.UTF8.GetBytes(privateKey);
    }

    /// <summary>The text that is signed: the parameter values joined by <c>/</c>.</summary>
    public static string SignedText(IEnumerable<string> parameters) => string.Join('/', parameters);

    /// <summary>The signature of a call whose path parameters are <paramref name="parameters"/>, in URL order.</summary>
    public string Sign(IEnumerable<string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        // Hashed from a stack buffer when the text is small (every call is signed): no copy of it on the heap.
        var text = SignedText(parameters);
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        Span<byte> utf8 = length <= 1024 ? stackalloc byte[length] : new byte[length];
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, utf8[..Encoding.UTF8.GetBytes(text, utf8)], mac);
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Describes the signer without its key.</summary>
    public override string ToString() => "OgangiSigner(private key redacted)";
}
