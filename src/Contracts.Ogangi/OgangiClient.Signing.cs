using System.Text;

namespace Contracts.Ogangi;

public partial class OgangiClient
{
    /// <summary>
    /// Every operation's URL passes here before it becomes a <see cref="Uri"/>: the segments are re-escaped the Ogangi
    /// way (<see cref="OgangiPathSegment"/>) and, on a client built with options, the configured public key and the
    /// signature of the parameters are written in the last two segments.
    /// </summary>
    /// <remarks>
    /// Signing here rather than in a <see cref="DelegatingHandler"/>: the signature covers only the path, which is
    /// fixed once the request is built (no time, no body), and here the route is still relative, so the method name
    /// is known without knowing the base URL; and the escaping must happen before <see cref="Uri"/> parses the text.
    /// A retry re-sends the same signed URL, which is what Ogangi expects.
    /// </remarks>
    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder)
    {
        var route = OgangiRoute.FromGenerated(urlBuilder.ToString());
        var publicKey = _publicKey ?? route.PublicKey;
        var signature = _signer?.Sign(SignedValues(route, request)) ?? route.Signature;
        route.WriteUrl(urlBuilder, publicKey, signature);
        // The signed URL can be replayed: an answer echoing it (a <description>, an error page) must not carry it further.
        Contracts.Core.Http.VendorRequest.AddSecret(request, publicKey);
        Contracts.Core.Http.VendorRequest.AddSecret(request, signature);
    }

    /// <summary>
    /// What the signature covers under the client's options: the path parameters, decoded or as written in the URL,
    /// and, when <see cref="OgangiClientOptions.SignFireMessageBody"/> is set, a POST's JSON body after them.
    /// </summary>
    private IEnumerable<string> SignedValues(OgangiRoute route, HttpRequestMessage request)
    {
        IEnumerable<string> values = _options?.SignedForm == OgangiSignedForm.AsInUrl
            ? route.Parameters.Select(OgangiPathSegment.Escape)
            : route.Parameters;
        if (_options?.SignFireMessageBody == true && request.Method == HttpMethod.Post && request.Content is { } body)
        {
            // The generated operation holds the JSON in a byte array: reading it does not consume it.
            using var reader = new StreamReader(body.ReadAsStream(), Encoding.UTF8);
            values = values.Append(reader.ReadToEnd());
        }
        return values;
    }
}
