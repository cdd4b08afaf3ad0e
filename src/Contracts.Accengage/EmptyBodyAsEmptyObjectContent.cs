using System.Net;

namespace Contracts.Accengage;

/// <summary>
/// A response body that reads as <c>{}</c> when the real one is empty. Accengage answers the devices of a static
/// list that does not exist with 200 and no content "for performance reasons"; read as an empty object, that is an
/// empty page instead of a body the generated client cannot deserialise.
/// </summary>
internal sealed class EmptyBodyAsEmptyObjectContent : HttpContent
{
    private readonly HttpContent _inner;

    public EmptyBodyAsEmptyObjectContent(HttpContent inner)
    {
        _inner = inner;
        foreach (var header in inner.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var bytes = await _inner.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(bytes.Length == 0 ? "{}"u8.ToArray() : bytes, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }
}
