using System.Net.Sockets;

namespace Contracts.Hostile.Tests.Infrastructure;

/// <summary>
/// One accepted TCP connection: its socket, the buffered bytes read from it, and the two ways it can end. Ending is
/// idempotent and safe from any thread, because a script, a script's time limit and the server's disposal may all try
/// to end the same connection at once.
/// </summary>
internal sealed class HostileConnection
{
    private const int InputBufferSize = 2 * RequestReader.MaxLineLength;
    private int _ended;

    public HostileConnection(Socket socket, int id)
    {
        Socket = socket;
        Id = id;
        Input = new ConnectionInput(socket, InputBufferSize);
    }

    public int Id { get; }

    public Socket Socket { get; }

    public ConnectionInput Input { get; }

    /// <summary>Whether the server has ended the connection (reset or closed); the client leaving does not set it.</summary>
    public bool HasEnded => Volatile.Read(ref _ended) == 1;

    /// <summary>
    /// Aborts the connection with a TCP RST (SO_LINGER on with a zero timeout, then close): the client's next read or
    /// write fails with "connection reset", whatever it had sent or was about to.
    /// </summary>
    public void Reset()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 1)
            return;
        try
        {
            Socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone: nothing left to reset.
        }

        Socket.Dispose();
    }

    /// <summary>
    /// Ends the connection in order (FIN): the client reads everything already sent, then the end of the stream.
    /// </summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 1)
            return;
        try
        {
            Socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The client reset it already.
        }

        Socket.Dispose();
    }
}
