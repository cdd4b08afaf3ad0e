namespace Contracts.Core.Http;

/// <summary>
/// An answer's body as <see cref="WireHandler"/> read it (bounded, scrubbed), handed on as the response's content.
/// The send path reads <see cref="Bytes"/> in place: <see cref="HttpContent.ReadAsByteArrayAsync()"/> on a
/// <see cref="ByteArrayContent"/> would first copy it into a buffer of its own and then copy that again.
/// </summary>
internal sealed class AnswerContent(ArraySegment<byte> bytes) : ByteArrayContent(bytes.Array!, bytes.Offset, bytes.Count)
{
    /// <summary>The body as read; nothing writes to it.</summary>
    public ArraySegment<byte> Bytes { get; } = bytes;

    /// <summary>The body as an array: the one read when it is exactly the body, else a copy.</summary>
    public byte[] ToArray()
        => Bytes.Offset == 0 && Bytes.Count == Bytes.Array!.Length ? Bytes.Array : Bytes.ToArray();

    /// <summary>
    /// The body of <paramref name="response"/>: read in place when the pipeline buffered it, else read from the
    /// content (an HttpClient without the SDK's pipeline).
    /// </summary>
    public static Task<byte[]> BodyOf(HttpResponseMessage response, CancellationToken cancellationToken)
        => response.Content is AnswerContent answer
            ? Task.FromResult(answer.ToArray())
            : response.Content.ReadAsByteArrayAsync(cancellationToken);
}
