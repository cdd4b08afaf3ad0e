using System.Security.Cryptography;
using System.Text;

namespace Contracts.Ogangi.Tests;

/// <summary>
/// The signature as Ogangi's documentation states it, computed here and not through the SDK's signer: HMAC-SHA256
/// keyed with the
/// private key's bytes over the path parameters joined by '/', in lowercase hexadecimal.
/// </summary>
internal static class IndependentSignature
{
    public static string Of(string privateKey, string signedText)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(privateKey));
        var digest = hmac.ComputeHash(Encoding.UTF8.GetBytes(signedText));
        var hex = new StringBuilder(64);
        foreach (var b in digest)
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return hex.ToString();
    }

    /// <summary>Decodes a Base64url segment (URL-safe alphabet, '=' padding) the way a Java server would.</summary>
    public static byte[] DecodeBase64Url(string segment)
        => Convert.FromBase64String(segment.Replace('-', '+').Replace('_', '/'));
}
