using System.Net.Sockets;
using System.Text;

namespace Contracts.Hostile.Tests.Infrastructure;

/// <summary>
/// The bytes a client sent on one connection, read through one buffer so that a request's head can be read line by
/// line and whatever follows it (its body, the next request on a kept-alive connection) is never lost between reads.
/// </summary>
internal sealed class ConnectionInput
{
    private readonly Socket _socket;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;

    public ConnectionInput(Socket socket, int bufferSize)
    {
        _socket = socket;
        _buffer = new byte[bufferSize];
    }

    private int Buffered => _end - _start;

    /// <summary>
    /// One line without its line ending (CRLF, or a bare LF, which RFC 9112 lets a recipient accept), each byte one
    /// character (Latin-1) so that no byte the client sent is lost or replaced; null when the client closed the
    /// connection before the line's first byte.
    /// </summary>
    /// <exception cref="MalformedRequestException">The line is longer than <paramref name="maxLength"/>.</exception>
    /// <exception cref="EndOfStreamException">The client closed the connection in the middle of the line.</exception>
    public async ValueTask<string?> ReadLineAsync(int maxLength, CancellationToken cancellationToken)
    {
        var searched = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + searched, Buffered - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = searched + newline;
                var line = _buffer.AsSpan(_start, length);
                if (line.EndsWith("\r"u8))
                    line = line[..^1];
                var text = Encoding.Latin1.GetString(line);
                _start += length + 1;
                return text;
            }

            searched = Buffered;
            if (Buffered > maxLength)
                throw new MalformedRequestException(431, $"A line of the request is longer than {maxLength} bytes.");
            if (await FillAsync(cancellationToken).ConfigureAwait(false) == 0)
                return Buffered == 0 ? null : throw new EndOfStreamException("The client closed the connection in the middle of a line.");
        }
    }

    /// <summary>Exactly <paramref name="destination"/>'s length in bytes: what is buffered first, then from the socket.</summary>
    /// <exception cref="EndOfStreamException">The client closed the connection first.</exception>
    public async ValueTask ReadExactlyAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var fromBuffer = Math.Min(Buffered, destination.Length);
        _buffer.AsMemory(_start, fromBuffer).CopyTo(destination);
        _start += fromBuffer;
        var filled = fromBuffer;
        while (filled < destination.Length)
        {
            var read = await _socket.ReceiveAsync(destination[filled..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
                throw new EndOfStreamException($"The client closed the connection {destination.Length - filled} bytes short of the body it announced.");
            filled += read;
        }
    }

    /// <summary>
    /// Returns when the client closes or resets the connection. Bytes it sends meanwhile are kept for the next
    /// request, not discarded; once the buffer is full nothing more is read and only cancellation ends the wait.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public async Task WaitForEndOfStreamAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                Compact();
                if (_end == _buffer.Length)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (await FillAsync(cancellationToken).ConfigureAwait(false) == 0)
                    return;
            }
        }
        catch (SocketException) when (!cancellationToken.IsCancellationRequested)
        {
            // A reset is the client leaving too.
        }
    }

    private async ValueTask<int> FillAsync(CancellationToken cancellationToken)
    {
        Compact();
        if (_end == _buffer.Length)
            return -1;
        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        _end += read;
        return read;
    }

    private void Compact()
    {
        if (_start == 0)
            return;
        _buffer.AsSpan(_start, Buffered).CopyTo(_buffer);
        _end = Buffered;
        _start = 0;
    }
}
