using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Contracts.Sandbox.Tests.Ogangi;

/// <summary>
/// Raw Ogangi calls written by hand, signed here by Ogangi's documented rule (lowercase hex HMAC-SHA256 keyed with the
/// private key over the path parameters joined by '/'; neither the SDK's signer nor the sandbox's), and
/// their answers read as XML.
/// </summary>
internal static class OgangiWire
{
    public const long InstanceId = 8;

    /// <summary>The keys of the contract's worked examples.</summary>
    public const string PublicKey = "examplePublicKey";
    public const string PrivateKey = "privateKey";

    public static SandboxOptions ContractWorkspace()
    {
        var options = new SandboxOptions();
        options.Ogangi.InstanceId = InstanceId;
        options.Ogangi.PublicKey = PublicKey;
        options.Ogangi.PrivateKey = PrivateKey;
        return options;
    }

    public static string Signature(string privateKey, string signedText)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(privateKey), Encoding.UTF8.GetBytes(signedText)));

    /// <summary>Base64url with padding, as Java's URL encoder writes it.</summary>
    public static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// <c>method/values.../publicKey/signature</c>: each value percent-encoded (every character but the unreserved
    /// ones), the signature over the values before encoding, as the contract signs them.
    /// </summary>
    public static string Path(string method, IReadOnlyList<string> values, string publicKey = PublicKey, string privateKey = PrivateKey)
        => $"{method}/{string.Join('/', values.Select(Uri.EscapeDataString))}/{publicKey}/{Signature(privateKey, string.Join('/', values))}";

    public static async Task<Answer> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return await Answer.ReadAsync(response);
    }

    internal sealed record Answer(HttpStatusCode HttpStatus, string? ContentType, string Body)
    {
        public static async Task<Answer> ReadAsync(HttpResponseMessage response)
            => new(response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());

        public XElement Xml => XDocument.Parse(Body).Root!;

        public string? Input => Xml.Element("input")?.Value;

        public string? Status => Xml.Element("status")?.Value;

        public string? Description => Xml.Element("description")?.Value;

        public XElement? Result => Xml.Element("result");

        public XElement Message => Result!.Element("messages")!.Element("message")!;

        public long Records => long.Parse(Result!.Element("MOMessageList")!.Element("records")!.Value, CultureInfo.InvariantCulture);

        public IReadOnlyList<XElement> MoMessages => Result!.Element("MOMessageList")!.Elements("MOMessage").ToArray();
    }
}
