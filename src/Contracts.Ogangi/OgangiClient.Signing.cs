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
        var signature = _signer?.Sign(route.Parameters) ?? route.Signature;
        route.WriteUrl(urlBuilder, publicKey, signature);
        // The signed URL can be replayed: an answer echoing it (a <description>, an error page) must not carry it further.
        Contracts.Core.Http.VendorRequest.AddSecret(request, publicKey);
        Contracts.Core.Http.VendorRequest.AddSecret(request, signature);
    }
}
