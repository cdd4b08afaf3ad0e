using System.Security.Cryptography;
using System.Text;

namespace Contracts.Sandbox.Ogangi;

/// <summary>
/// Checks a call's signature by Ogangi's rule (as Ogangi's documentation states it; the contract's
/// <c>x-signed-segments</c>): lowercase
/// hexadecimal HMAC-SHA256 keyed with the private key's UTF-8 bytes, over the signed path parameters, decoded,
/// joined by <c>/</c> in URL order. Written here, not taken from the client package, so that the sandbox checks the
/// SDK's signer rather than agreeing with it by construction.
/// </summary>
internal static class OgangiSignatureCheck
{
    public static bool IsValid(string privateKey, IEnumerable<string> signedSegments, string signature)
    {
        var expected = Expected(privateKey, signedSegments);
        var given = Encoding.ASCII.GetBytes(signature);
        // Fixed time: how much of a guess matched must not show in the answer's timing.
        return given.Length == expected.Length && CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static byte[] Expected(string privateKey, IEnumerable<string> signedSegments)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(privateKey), Encoding.UTF8.GetBytes(string.Join('/', signedSegments)));
        var hex = new StringBuilder(mac.Length * 2);
        foreach (var b in mac)
            hex.Append("0123456789abcdef"[b >> 4]).Append("0123456789abcdef"[b & 0xF]);
        return Encoding.ASCII.GetBytes(hex.ToString());
    }
}
