namespace Contracts.Accengage;

/// <summary>
/// Adds <c>Accengage-Time</c> and <c>Accengage-Signature</c> to every request, computed over the exact body bytes
/// that go on the wire. It is the innermost handler (Contracts.Core's pipeline puts signing last), so every attempt
/// (a retry, a resend with a fresh token) is signed again with its own time.
/// </summary>
/// <remarks>
/// A body held in a byte array (the generated client's JSON in a <see cref="ByteArrayContent"/>, a
/// <see cref="StringContent"/>) is hashed where it lies: it sends the same bytes however often it is read. Any other
/// body is read once into memory and sent from that copy, so the bytes hashed and the bytes sent cannot differ.
/// Accengage's load balancer does not support <c>Expect: 100-continue</c>, so it is never asked for. The API key
/// is never logged or sent.
/// </remarks>
public sealed class AccengageSigningHandler : DelegatingHandler
{
    private readonly string _apiKey;
    private readonly TimeProvider _time;
    private readonly bool _signDeleteBody;

    /// <summary>Creates the handler.</summary>
    /// <param name="apiKey">The user's API key (from the Accengage dashboard).</param>
    /// <param name="timeProvider">The clock that gives Accengage-Time; tests pass a fake one.</param>
    public AccengageSigningHandler(string apiKey, TimeProvider? timeProvider = null)
        : this(apiKey, timeProvider, signDeleteBody: true)
    {
    }

    /// <summary>Creates the handler, saying how a DELETE with a body is signed.</summary>
    /// <param name="apiKey">The user's API key (from the Accengage dashboard).</param>
    /// <param name="timeProvider">The clock that gives Accengage-Time, or null for the system clock.</param>
    /// <param name="signDeleteBody">
    /// True: a DELETE's body is signed like a POST's (<see cref="AccengageClientOptions.SignDeleteBody"/>); false: a
    /// DELETE is signed as if it had no body (the body is still sent).
    /// </param>
    public AccengageSigningHandler(string apiKey, TimeProvider? timeProvider, bool signDeleteBody)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _apiKey = apiKey;
        _time = timeProvider ?? TimeProvider.System;
        _signDeleteBody = signDeleteBody;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signature = await SignBodyAsync(request, cancellationToken).ConfigureAwait(false);

        request.Headers.ExpectContinue = false;
        request.Headers.Remove(AccengageSigner.TimeHeader);
        request.Headers.Remove(AccengageSigner.SignatureHeader);
        request.Headers.TryAddWithoutValidation(AccengageSigner.TimeHeader, signature.Time);
        request.Headers.TryAddWithoutValidation(AccengageSigner.SignatureHeader, signature.Value);
        // A signature is valid for its time: an answer echoing it must not carry it any further.
        Contracts.Core.Http.VendorRequest.AddSecret(request, signature.Value);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string Time, string Value)> SignBodyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var sha1 = AccengageSigner.StartHash();
        if (!_signDeleteBody && request.Method == HttpMethod.Delete)
        {
            // Signed as a body-less DELETE: the body still goes out as it is.
        }
        else if (request.Content is { } content && HoldsFixedBytes(content))
        {
            // Copying the body out of its array would only cost a buffer and two copies per request.
            await content.CopyToAsync(new HashingStream(sha1), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            sha1.AppendData(await FreezeBodyAsync(request, cancellationToken).ConfigureAwait(false));
        }
        var time = _time.GetUtcNow().ToUnixTimeSeconds();
        return (AccengageSigner.FormatTime(time), AccengageSigner.FinishSignature(sha1, _apiKey, time));
    }

    /// <summary>The framework's contents over a byte array (exactly those types: a derived one could write anything).</summary>
    private static bool HoldsFixedBytes(HttpContent content)
        => content is FrozenBody || content.GetType() == typeof(ByteArrayContent) || content.GetType() == typeof(StringContent) || content.GetType() == typeof(FormUrlEncodedContent);

    /// <summary>
    /// Reads the body and replaces it with a byte array holding exactly those bytes (same content headers), so a
    /// content that would serialise differently on a second read cannot make the signature wrong.
    /// </summary>
    private static async Task<byte[]> FreezeBodyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
            return [];

        var bytes = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var copy = new FrozenBody(bytes);
        foreach (var header in request.Content.Headers)
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        copy.Headers.ContentLength = bytes.Length;
        request.Content.Dispose();
        request.Content = copy;
        return bytes;
    }

    /// <summary>A body already read for signing; sent again as it is on a retry (and hashed where it lies).</summary>
    private sealed class FrozenBody(byte[] bytes) : ByteArrayContent(bytes);
}
