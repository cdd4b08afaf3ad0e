using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Contracts.Sandbox.Ogangi;

/// <summary>Reads path values the way the contract documents them; each reader says no rather than guess.</summary>
internal static partial class OgangiPathValues
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Base64 with the URL-safe alphabet and '=' padding (the contract's <c>Base64Url</c> schema, Java's
    /// <c>Base64.getUrlEncoder()</c>): the standard alphabet's '+' and '/' and missing padding are refused.
    /// </summary>
    public static byte[]? Base64Url(string value)
        => value.Length >= 4 && Base64UrlPattern().IsMatch(value)
            ? Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/'))
            : null;

    /// <summary>Bytes as UTF-8 text; null when they are not UTF-8.</summary>
    public static string? Utf8(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A decimal of at least <paramref name="minimum"/> that fits an int32 (the contract's page, resultsPerPage, length).</summary>
    public static int? Count(string value, int minimum)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= minimum ? count : null;

    /// <summary>A mobile number in international form, with or without '+': 2 to 15 digits, the first not 0.</summary>
    public static bool IsMobileNumber(string value) => MobileNumberPattern().IsMatch(value);

    [GeneratedRegex("^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}==|[A-Za-z0-9_-]{3}=)?$")]
    private static partial Regex Base64UrlPattern();

    [GeneratedRegex(@"^\+?[1-9][0-9]{1,14}$")]
    private static partial Regex MobileNumberPattern();
}
