using System.Text;

namespace Contracts.Ogangi;

/// <summary>
/// An Ogangi call's relative URL taken apart: <c>{method}/{parameters...}/{publicKey}/{signature}</c>, where the
/// method name is one segment (<c>sendMT</c>) or two under <c>tools/</c> (<c>tools/sendSMS</c>).
/// </summary>
internal sealed class OgangiRoute
{
    private const string ToolsNamespace = "tools";

    private OgangiRoute(string method, IReadOnlyList<string> parameters, string publicKey, string signature)
    {
        Method = method;
        Parameters = parameters;
        PublicKey = publicKey;
        Signature = signature;
    }

    /// <summary>The method path, e.g. <c>tools/sendSMS</c>.</summary>
    public string Method { get; }

    /// <summary>The parameter values (not percent-encoded), in URL order: what the signature covers.</summary>
    public IReadOnlyList<string> Parameters { get; }

    public string PublicKey { get; }

    public string Signature { get; }

    /// <summary>
    /// Reads the relative URL the generated client built, each segment escaped by <see cref="Uri.EscapeDataString(string)"/>
    /// (which escapes '/', so splitting on it finds the segments).
    /// </summary>
    public static OgangiRoute FromGenerated(string relativeUrl)
    {
        // Every call passes here: plain loops rather than LINQ, and unescaped values stay the same string.
        var segments = relativeUrl.Split('/');
        var methodLength = segments[0] == ToolsNamespace ? 2 : 1;
        if (segments.Length < methodLength + 2)
            throw new InvalidOperationException($"'{segments[0]}' is not an Ogangi route: it needs a method name, a public key and a signature.");
        var parameters = new string[segments.Length - methodLength - 2];
        for (var i = 0; i < parameters.Length; i++)
            parameters[i] = Uri.UnescapeDataString(segments[methodLength + i]);
        return new OgangiRoute(
            methodLength == 1 ? segments[0] : string.Join('/', segments[0], segments[1]),
            parameters,
            Uri.UnescapeDataString(segments[^2]),
            Uri.UnescapeDataString(segments[^1]));
    }

    /// <summary>The relative URL to send: every value escaped by <see cref="OgangiPathSegment.Escape"/>.</summary>
    /// <exception cref="ArgumentException">A value is empty, <c>.</c> or <c>..</c>.</exception>
    public string ToUrl(string publicKey, string signature) => WriteUrl(new StringBuilder(), publicKey, signature).ToString();

    /// <summary>Writes <see cref="ToUrl"/> into <paramref name="url"/> (emptied first) and returns it.</summary>
    /// <exception cref="ArgumentException">A value is empty, <c>.</c> or <c>..</c>.</exception>
    public StringBuilder WriteUrl(StringBuilder url, string publicKey, string signature)
    {
        url.Clear().Append(Method);
        foreach (var parameter in Parameters)
            url.Append('/').Append(OgangiPathSegment.Escape(parameter));
        return url.Append('/').Append(OgangiPathSegment.Escape(publicKey)).Append('/').Append(OgangiPathSegment.Escape(signature));
    }
}
