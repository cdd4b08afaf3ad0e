using System.Globalization;
using System.Text;

namespace Contracts.Hostile.Tests.Infrastructure;

/// <summary>Frames response body data as chunks (RFC 9112 section 7.1), each in one buffer so it leaves in one write.</summary>
internal static class ChunkedEncoding
{
    /// <summary>The zero-size chunk and the empty trailer section that end a chunked body.</summary>
    public static ReadOnlyMemory<byte> LastChunk { get; } = "0\r\n\r\n"u8.ToArray();

    /// <summary>Room a frame needs on top of its data: the size in hexadecimal and two CRLFs.</summary>
    public const int FrameOverhead = 16 + 4;

    public static byte[] Frame(ReadOnlySpan<byte> data)
    {
        var frame = new byte[data.Length + FrameOverhead];
        return frame[..Frame(data, frame)];
    }

    /// <summary>Writes the chunk holding <paramref name="data"/> into <paramref name="frame"/>; returns its length.</summary>
    public static int Frame(ReadOnlySpan<byte> data, Span<byte> frame)
    {
        if (data.IsEmpty)
            throw new ArgumentException("An empty chunk would end the body.", nameof(data));
        var size = Encoding.ASCII.GetBytes(data.Length.ToString("X", CultureInfo.InvariantCulture) + "\r\n", frame);
        data.CopyTo(frame[size..]);
        "\r\n"u8.CopyTo(frame[(size + data.Length)..]);
        return size + data.Length + 2;
    }
}
