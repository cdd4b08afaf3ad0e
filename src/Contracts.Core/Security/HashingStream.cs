using System.Security.Cryptography;

namespace Contracts.Core.Security;

/// <summary>
/// A write-only stream that hashes what is written to it where it lies (no buffer of its own), so that a request
/// body can hash itself as it writes itself (<c>HttpContent.CopyTo</c>):
/// a signature over the body without a copy of it. Unlike a <see cref="CryptoStream"/>, it neither buffers nor
/// finalises the hash: the caller appends what else is signed and reads the hash from <paramref name="hash"/>.
/// </summary>
/// <param name="hash">The hash the written bytes are appended to; the stream does not own it.</param>
public sealed class HashingStream(IncrementalHash hash) : Stream
{
    private readonly IncrementalHash _hash = hash ?? throw new ArgumentNullException(nameof(hash));

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => _hash.AppendData(buffer, offset, count);

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer) => _hash.AppendData(buffer);

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();
}
