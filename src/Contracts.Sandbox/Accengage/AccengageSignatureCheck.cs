using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// Checks <c>Accengage-Time</c> and <c>Accengage-Signature</c> the way the server does, with the sandbox's own code
/// (never the SDK's signer, or a wrong SDK would pass its own check): the signature must be the lowercase hex SHA1 of
/// the raw body bytes received, then the API key, then the time header exactly as sent.
/// </summary>
internal static class AccengageSignatureCheck
{
    public const string TimeHeader = "Accengage-Time";
    public const string SignatureHeader = "Accengage-Signature";

    /// <summary>Why the request's signed headers are refused, or null when they are right.</summary>
    /// <param name="request">The request, for its headers.</param>
    /// <param name="body">The body bytes as received (empty when there is none).</param>
    /// <param name="apiKey">The user's API key.</param>
    /// <param name="now">The sandbox's clock.</param>
    /// <param name="maxSkew">How far the time may be from <paramref name="now"/>; null for any.</param>
    public static string? Problem(HttpRequest request, ReadOnlySpan<byte> body, string apiKey, DateTimeOffset now, TimeSpan? maxSkew)
    {
        if (WellFormedProblem(request) is { } problem)
            return problem;
        var time = request.Headers[TimeHeader].ToString();
        var signature = request.Headers[SignatureHeader].ToString();
        if (maxSkew is { } window && Math.Abs(now.ToUnixTimeSeconds() - long.Parse(time, CultureInfo.InvariantCulture)) > window.TotalSeconds)
            return $"Accengage-Time {time} is more than {window.TotalHours:0.##} hours away from the server's time ({now.ToUnixTimeSeconds()}): sign with the current time.";

        if (Matches(signature, Sha1Hex(body, apiKey, time)))
            return null;
        // A public client signs a "{}" body as if there were none; the server accepts both.
        if (body.SequenceEqual("{}"u8) && Matches(signature, Sha1Hex([], apiKey, time)))
            return null;
        return "Invalid signature: Accengage-Signature must be the lowercase hexadecimal SHA1 of the raw body, the API key and Accengage-Time.";
    }

    /// <summary>Why the signed headers are missing or malformed, or null (the check a trusted Pact request still passes).</summary>
    public static string? WellFormedProblem(HttpRequest request)
    {
        var time = request.Headers[TimeHeader].ToString();
        var signature = request.Headers[SignatureHeader].ToString();
        if (signature.Length == 0)
            return "The Accengage-Signature header is missing or empty.";
        if (time.Length == 0)
            return "The Accengage-Time header is missing or empty.";
        if (!long.TryParse(time, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            return $"Accengage-Time must be the time in seconds since the epoch (got '{time}').";
        return null;
    }

    private static string Sha1Hex(ReadOnlySpan<byte> body, string apiKey, string time)
    {
        var suffix = Encoding.UTF8.GetBytes(apiKey + time);
        var signed = new byte[body.Length + suffix.Length];
        body.CopyTo(signed);
        suffix.CopyTo(signed, body.Length);
        return Convert.ToHexStringLower(SHA1.HashData(signed));
    }

    private static bool Matches(string given, string expected)
        => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), Encoding.ASCII.GetBytes(expected));
}
