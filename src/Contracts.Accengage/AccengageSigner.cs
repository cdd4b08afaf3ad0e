using System.Globalization;
using System.Security.Cryptography;
using Contracts.Core.Security;
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
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha1.AppendData(body);
        sha1.AppendData(KeyAndTime(apiKey, FormatTime(unixTime)));
        return Convert.ToHexStringLower(sha1.GetHashAndReset());
    }

    /// <summary>
    /// Signs <paramref name="body"/> (a content over a byte array, hashed as it writes itself, not read into a new array), or
    /// nothing when it is null, for the <c>Accengage-Time</c> value <paramref name="time"/>.
    /// </summary>
    internal static string Sign(HttpContent? body, string apiKey, string time, CancellationToken cancellationToken)
    {
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        // Synchronously: the bytes are in memory, so an asynchronous copy would only add its own cost. The content
        // writes its own array to the hash: a CryptoStream over SHA1 copied every body into a buffer of its own
        // (zeroed, then copied again) and made a hash object that needs finalising (measured: about 1.5 µs of a
        // 100-target instant message's 30).
        body?.CopyTo(new HashingStream(sha1), context: null, cancellationToken);
        sha1.AppendData(KeyAndTime(apiKey, time));
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        sha1.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The <c>Accengage-Time</c> value for <paramref name="unixTime"/>.</summary>
    public static string FormatTime(long unixTime) => unixTime.ToString(CultureInfo.InvariantCulture);

    private static byte[] KeyAndTime(string apiKey, string time) => Encoding.UTF8.GetBytes(apiKey + time);
}
