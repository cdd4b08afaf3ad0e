using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Contracts.Accengage;

/// <summary>
/// Accengage's request signature: <c>Accengage-Signature</c> is the lowercase hexadecimal SHA1 of the raw request
/// body, then the API key, then the <c>Accengage-Time</c> value (Unix seconds), as UTF-8 bytes. A request without a
/// body signs the API key and the time alone.
/// </summary>
public static class AccengageSigner
{
    /// <summary>The header that carries the time, in seconds since the epoch.</summary>
    public const string TimeHeader = "Accengage-Time";

    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "Accengage-Signature";

    /// <summary>Signs <paramref name="body"/> (the exact bytes sent; empty when there is none) for <paramref name="unixTime"/>.</summary>
    /// <returns>40 lowercase hexadecimal characters.</returns>
    public static string Sign(ReadOnlySpan<byte> body, string apiKey, long unixTime)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        using var sha1 = StartHash();
        sha1.AppendData(body);
        return FinishSignature(sha1, apiKey, unixTime);
    }

    /// <summary>The hash a signature starts from; the body is appended to it, then <see cref="FinishSignature"/>.</summary>
    internal static IncrementalHash StartHash() => IncrementalHash.CreateHash(HashAlgorithmName.SHA1);

    /// <summary>Appends the API key and the time to a hash that holds the body, and returns the signature.</summary>
    internal static string FinishSignature(IncrementalHash sha1WithBody, string apiKey, long unixTime)
    {
        sha1WithBody.AppendData(Encoding.UTF8.GetBytes(apiKey + FormatTime(unixTime)));
        return Convert.ToHexStringLower(sha1WithBody.GetHashAndReset());
    }

    /// <summary>The <c>Accengage-Time</c> value for <paramref name="unixTime"/>.</summary>
    public static string FormatTime(long unixTime) => unixTime.ToString(CultureInfo.InvariantCulture);
}
