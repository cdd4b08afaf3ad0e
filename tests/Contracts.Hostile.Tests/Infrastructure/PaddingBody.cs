namespace Contracts.Hostile.Tests.Infrastructure;

/// <summary>
/// A body of any size generated as it is written, never held whole: a JSON object or an XML element around a run of
/// 'x' when the content type is JSON or XML (so a client without a size limit would parse it and succeed, and only
/// the limit tells the two apart), plain 'x's otherwise. An endless body is the same run that never closes.
/// </summary>
internal sealed class PaddingBody
{
    private readonly byte[] _prefix;
    private readonly byte[] _suffix;
    private readonly long? _length;

    private PaddingBody(byte[] prefix, byte[] suffix, long? length)
    {
        _prefix = prefix;
        _suffix = suffix;
        _length = length;
    }

    /// <summary>A body of exactly <paramref name="length"/> bytes.</summary>
    public static PaddingBody Sized(string contentType, long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var (prefix, suffix) = Wrapping(contentType);
        return prefix.Length + suffix.Length <= length ? new PaddingBody(prefix, suffix, length) : new PaddingBody([], [], length);
    }

    /// <summary>A body that opens like <see cref="Sized"/> but never ends.</summary>
    public static PaddingBody Endless(string contentType) => new(Wrapping(contentType).Prefix, [], null);

    /// <summary>
    /// Fills <paramref name="destination"/> with the body's bytes from <paramref name="offset"/> on; returns how many
    /// it wrote (fewer than asked only at the end of a sized body).
    /// </summary>
    public int Fill(Span<byte> destination, long offset)
    {
        var count = _length is long length ? (int)Math.Min(destination.Length, length - offset) : destination.Length;
        var part = destination[..count];
        part.Fill((byte)'x');
        Overlay(part, offset, _prefix, 0);
        if (_length is long total)
            Overlay(part, offset, _suffix, total - _suffix.Length);
        return count;
    }

    /// <summary>Copies the part of <paramref name="piece"/> (at <paramref name="pieceOffset"/> in the body) that falls in <paramref name="part"/>.</summary>
    private static void Overlay(Span<byte> part, long partOffset, byte[] piece, long pieceOffset)
    {
        var from = Math.Max(partOffset, pieceOffset);
        var to = Math.Min(partOffset + part.Length, pieceOffset + piece.Length);
        if (from < to)
            piece.AsSpan((int)(from - pieceOffset), (int)(to - from)).CopyTo(part[(int)(from - partOffset)..]);
    }

    private static (byte[] Prefix, byte[] Suffix) Wrapping(string contentType)
    {
        if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return ("{\"padding\":\""u8.ToArray(), "\"}"u8.ToArray());
        if (contentType.Contains("xml", StringComparison.OrdinalIgnoreCase))
            return ("<padding>"u8.ToArray(), "</padding>"u8.ToArray());
        return ([], []);
    }
}
