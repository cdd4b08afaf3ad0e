using System.Text;
using Contracts.Core.Http;

namespace Contracts.Ogangi;

/// <summary>
/// Ogangi's signing step (see <see cref="IOperationSigning"/>): fills the two path values the contract leaves to
/// signing, the account's public key and the signature of the values the contract says are signed
/// (<c>x-signed-segments</c>), taken from the request description as given, never parsed back from a URL.
/// </summary>
/// <remarks>
/// The signature covers only the path (no time, no nonce), so it is computed once per call, before the pipeline: a
/// retry re-sends the same signed URL, which is what Ogangi expects. Both values are secrets of the request: an
/// answer that echoes the signed URL is masked.
/// </remarks>
internal sealed class OgangiSigning(OgangiClientOptions options) : IOperationSigning
{
    private readonly OgangiSigner _signer = new(options.PrivateKey);
    private readonly string _publicKey = options.PublicKey;
    private readonly bool _asInUrl = options.SignedForm == OgangiSignedForm.AsInUrl;
    private readonly bool _signBody = options.SignFireMessageBody;

    public void Sign(OperationRequest request)
        => request.FillSigned("publicKey", _publicKey).FillSigned("signature", _signer.Sign(SignedValues(request)));

    /// <summary>
    /// What the signature covers under the client's options: the signed path values, as given or as written in the
    /// URL, and, when <see cref="OgangiClientOptions.SignFireMessageBody"/> is set, a POST's JSON body after them.
    /// </summary>
    private IEnumerable<string> SignedValues(OperationRequest request)
    {
        IEnumerable<string> values = _asInUrl && request.Escaping is { } escaping
            ? request.SignedValues.Select(escaping.Escape)
            : request.SignedValues;
        if (_signBody && request.Method == HttpMethod.Post && !request.Body.IsEmpty)
            values = values.Append(Encoding.UTF8.GetString(request.Body.Span));
        return values;
    }
}
