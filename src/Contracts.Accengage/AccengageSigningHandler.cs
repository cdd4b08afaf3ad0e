namespace Contracts.Accengage;

/// <summary>
/// Adds <c>Accengage-Time</c> and <c>Accengage-Signature</c> to every request, computed over the exact body bytes
/// that go on the wire. It is the innermost handler (Contracts.Core's pipeline puts signing last), so every attempt
/// (a retry, a resend with a fresh token) is signed again with its own time.
/// </summary>
/// <remarks>
/// The body is read once into memory and sent from that copy, so the bytes hashed and the bytes sent cannot differ.
/// Accengage's load balancer does not support <c>Expect: 100-continue</c>, so it is never asked for. The API key
/// is never logged or sent.
/// </remarks>
public sealed class AccengageSigningHandler : DelegatingHandler
{
    private readonly string _apiKey;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler.</summary>
    /// <param name="apiKey">The user's API key (from the Accengage dashboard).</param>
    /// <param name="timeProvider">The clock that gives Accengage-Time; tests pass a fake one.</param>
    public AccengageSigningHandler(string apiKey, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _apiKey = apiKey;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await FreezeBodyAsync(request, cancellationToken).ConfigureAwait(false);
        var time = _time.GetUtcNow().ToUnixTimeSeconds();

        request.Headers.ExpectContinue = false;
        request.Headers.Remove(AccengageSigner.TimeHeader);
        request.Headers.Remove(AccengageSigner.SignatureHeader);
        request.Headers.TryAddWithoutValidation(AccengageSigner.TimeHeader, AccengageSigner.FormatTime(time));
        request.Headers.TryAddWithoutValidation(AccengageSigner.SignatureHeader, AccengageSigner.Sign(body, _apiKey, time));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the body and replaces it with a byte array holding exactly those bytes (same content headers), so a
    /// content that would serialise differently on a second read cannot make the signature wrong.
    /// </summary>
    private static async Task<byte[]> FreezeBodyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
            return [];
        if (request.Content is FrozenBody frozen)
            return frozen.Bytes;

        var bytes = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var copy = new FrozenBody(bytes);
        foreach (var header in request.Content.Headers)
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        copy.Headers.ContentLength = bytes.Length;
        request.Content.Dispose();
        request.Content = copy;
        return bytes;
    }

    /// <summary>A body already read for signing; sent again as it is on a retry.</summary>
    private sealed class FrozenBody(byte[] bytes) : ByteArrayContent(bytes)
    {
        public byte[] Bytes { get; } = bytes;
    }
}
