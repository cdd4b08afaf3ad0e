using Contracts.Core.Http;

namespace Contracts.Accengage;

/// <summary>
/// Adds <c>Accengage-Time</c> and <c>Accengage-Signature</c> to every request, computed over the exact body bytes
/// that go on the wire. It is the innermost handler (Contracts.Core's pipeline puts signing last), so every attempt
/// (a retry, a resend with a fresh token) is signed again with its own time.
/// </summary>
/// <remarks>
/// A body held in a byte array (the generated client's JSON in a <see cref="ByteArrayContent"/>, a
/// <see cref="StringContent"/>) is hashed as it writes itself: it sends the same bytes however often it is read. Any other
/// body is read once into memory and sent from that copy, so the bytes hashed and the bytes sent cannot differ.
/// Accengage's load balancer does not support <c>Expect: 100-continue</c>, so it is never asked for. The API key
/// is never logged or sent.
/// </remarks>
/// <param name="apiKey">The user's API key (from the Accengage dashboard).</param>
/// <param name="time">The clock that gives Accengage-Time; tests pass a fake one.</param>
/// <param name="signDeleteBody">
/// True: a DELETE's body is signed like a POST's (<see cref="AccengageClientOptions.SignDeleteBody"/>); false: a
/// DELETE is signed as if it had no body (the body is still sent).
/// </param>
internal sealed class AccengageSigningHandler(string apiKey, TimeProvider time, bool signDeleteBody) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var signedBody = signDeleteBody || request.Method != HttpMethod.Delete ? request.Content : null;
        if (signedBody is not null && !HoldsFixedBytes(signedBody))
            signedBody = await FreezeBodyAsync(request, cancellationToken).ConfigureAwait(false);
        var unixTime = AccengageSigner.FormatTime(time.GetUtcNow().ToUnixTimeSeconds());
        var signature = AccengageSigner.Sign(signedBody, apiKey, unixTime, cancellationToken);

        request.Headers.ExpectContinue = false;
        request.Headers.Remove(AccengageSigner.TimeHeader);
        request.Headers.Remove(AccengageSigner.SignatureHeader);
        request.Headers.TryAddWithoutValidation(AccengageSigner.TimeHeader, unixTime);
        request.Headers.TryAddWithoutValidation(AccengageSigner.SignatureHeader, signature);
        // A signature is valid for its time: an answer echoing it must not carry it any further.
        VendorRequest.AddSecret(request, signature);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The framework's contents over a byte array (exactly those types: a derived one could write anything).</summary>
    private static bool HoldsFixedBytes(HttpContent content)
        => content is FrozenBody || content.GetType() == typeof(ByteArrayContent) || content.GetType() == typeof(StringContent) || content.GetType() == typeof(FormUrlEncodedContent);

    /// <summary>
    /// Reads the body and replaces it with a byte array holding exactly those bytes (same content headers), so a
    /// content that would serialise differently on a second read cannot make the signature wrong.
    /// </summary>
    private static async Task<HttpContent> FreezeBodyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bytes = await request.Content!.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var copy = new FrozenBody(bytes);
        foreach (var header in request.Content.Headers)
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        copy.Headers.ContentLength = bytes.Length;
        request.Content.Dispose();
        request.Content = copy;
        return copy;
    }

    /// <summary>A body already read for signing; sent again as it is on a retry (and hashed as it writes itself).</summary>
    private sealed class FrozenBody(byte[] bytes) : ByteArrayContent(bytes);
}
