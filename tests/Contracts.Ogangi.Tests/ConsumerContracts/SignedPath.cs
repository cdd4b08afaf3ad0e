using System.Globalization;
using System.Text;
using Contracts.Pacts.Matchers;

namespace Contracts.Ogangi.Tests.ConsumerContracts;

/// <summary>
/// The path of one Ogangi call as a Pact matcher: a regular expression that states the shape of every segment (a
/// Base64url value, a decimal, 64 lowercase hex digits for the signature) and, as its example, the real signed path,
/// written and signed here without the SDK (<see cref="IndependentSignature"/>), so the contract shows a call the
/// provider can check and the test can compare with what the client sent.
/// </summary>
/// <remarks>
/// Segments are given as they travel in the URL; the signature covers them percent-decoded, as a server that decodes
/// its path parameters reads them (the contract's x-path-segment-escaping).
/// </remarks>
internal sealed class SignedPath
{
    /// <summary>One Base64url segment (URL-safe alphabet, '=' padding), not empty.</summary>
    public const string Base64UrlShape = "(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{4}|[A-Za-z0-9_-]{3}=|[A-Za-z0-9_-]{2}==)";

    /// <summary>A lowercase hexadecimal HMAC-SHA256.</summary>
    public const string SignatureShape = "[0-9a-f]{64}";

    /// <summary>A decimal number without sign or leading zero (instance id 0 included).</summary>
    public const string DecimalShape = "(?:0|[1-9][0-9]*)";

    /// <summary>A mobile number in international form without '+', as the client sends it.</summary>
    public const string MobileNumberShape = "[1-9][0-9]{1,14}";

    /// <summary>Any one segment: free text (a short code, a carrier, flags, the MO search string, the public key).</summary>
    public const string AnySegmentShape = "[^/]+";

    private readonly string _method;
    private readonly List<(string Sent, string Shape)> _parameters = [];

    private SignedPath(string method) => _method = method;

    /// <summary>A call of <paramref name="method"/> (<c>sendMT</c>, <c>tools/sendSMS</c>), relative to the API base.</summary>
    public static SignedPath Of(string method) => new(method);

    /// <summary>A signed segment, written <paramref name="sent"/> in the URL, of the given shape (a regex fragment).</summary>
    public SignedPath Segment(string sent, string shape)
    {
        _parameters.Add((sent, shape));
        return this;
    }

    /// <summary>The workspace's instance id, the first parameter of every call.</summary>
    public SignedPath InstanceId(long instanceId) => Segment(instanceId.ToString(CultureInfo.InvariantCulture), DecimalShape);

    /// <summary>The segment exactly as written: <c>null</c> for an absent value, a method's fixed literal.</summary>
    public SignedPath Literal(string sent) => Segment(sent, Escape(sent));

    /// <summary>A value the contract says is Base64url encoded: its UTF-8 bytes in the URL-safe alphabet with padding.</summary>
    public SignedPath Base64Url(string value)
        => Segment(Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).Replace('+', '-').Replace('/', '_'), Base64UrlShape);

    /// <summary>
    /// The path signed with <paramref name="privateKey"/>, <c>/{method}/{segments}/{publicKey}/{signature}</c>, and
    /// the regex matcher whose example it is.
    /// </summary>
    public SignedPathMatcher SignedWith(string publicKey, string privateKey)
    {
        var signedText = string.Join('/', _parameters.Select(p => Uri.UnescapeDataString(p.Sent)));
        var signature = IndependentSignature.Of(privateKey, signedText);
        var example = $"/{_method}/{string.Join('/', _parameters.Select(p => p.Sent))}/{publicKey}/{signature}";
        var regex = $"^/{Escape(_method)}/{string.Join('/', _parameters.Select(p => p.Shape))}/{AnySegmentShape}/{SignatureShape}$";
        return new SignedPathMatcher(Match.Regex(example, regex), example);
    }

    private static string Escape(string literal) => System.Text.RegularExpressions.Regex.Escape(literal);
}

/// <summary>A path matcher and its example, the signed path.</summary>
internal sealed record SignedPathMatcher(Matcher Matcher, string Example);
