using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Contracts.Hostile.Tests.Infrastructure;

/// <summary>
/// A script's hold on the connection that carried one request: nothing is sent unless the script sends it, so a
/// response can be correct, slow, endless, huge, contradictory, cut off or missing. Raw sends give byte-level control;
/// the helpers cover the hostile answers tests need most.
/// </summary>
/// <remarks>
/// The helpers that run "until the client leaves" (<see cref="SilenceAsync"/>, <see cref="SendHeadersThenSilenceAsync(int, long?, CancellationToken)"/>,
/// <see cref="TrickleAsync"/>, <see cref="EndlessBodyAsync"/>, <see cref="HugeBodyAsync"/>) return normally when the
/// client closes or resets the connection, when the server is disposed, when the script outlives
/// <see cref="HostileServer.MaxScriptDuration"/>, or when their own token is cancelled: a hostile answer that the client
/// walks away from is the expected outcome, not an error. <see cref="ClientDisconnected"/> and
/// <see cref="BytesWritten"/> tell the test how it ended. Raw sends (<see cref="SendAsync(ReadOnlyMemory{byte})"/>,
/// <see cref="RespondAsync"/>, <see cref="RedirectAsync"/>) throw instead, and the server ends the exchange quietly.
/// </remarks>
public sealed class HostileExchange
{
    /// <summary>
    /// The most bytes an endless body writes: far more than any client's limit, yet a bound, so a client that never
    /// stops reading cannot make the server write forever. Past it the body stays unfinished and the server is silent.
    /// </summary>
    public const long MaxEndlessBytes = 256L * 1024 * 1024;

    /// <summary>Data per chunk of an endless body; large enough to fill the client's buffers quickly.</summary>
    private const int EndlessChunkSize = 16 * 1024;

    /// <summary>Data per write of a huge body.</summary>
    private const int HugeBlockSize = 64 * 1024;

    private readonly HostileConnection _connection;
    private long _bytesWritten;
    private int _clientDisconnected;
    private bool _closeAfterResponse;

    internal HostileExchange(HostileConnection connection, HostileRequest request, CancellationToken aborted)
    {
        _connection = connection;
        Request = request;
        Aborted = aborted;
        _closeAfterResponse = request.WantsClose;
    }

    /// <summary>The request being answered, already recorded in <see cref="HostileServer.Requests"/>.</summary>
    public HostileRequest Request { get; }

    /// <summary>
    /// Cancelled when the server is disposed or the script has run for <see cref="HostileServer.MaxScriptDuration"/>
    /// (the connection is then reset). A script that waits on anything of its own should wait with this token.
    /// </summary>
    public CancellationToken Aborted { get; }

    /// <summary>Bytes this exchange handed to the socket so far: status line, header fields, chunk framing and body.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Whether the client was seen closing or resetting the connection (an end of stream, a failed write).</summary>
    public bool ClientDisconnected => Volatile.Read(ref _clientDisconnected) == 1;

    /// <summary>Whether the connection can carry the client's next request once the script returns.</summary>
    internal bool LeavesConnectionOpen => !_closeAfterResponse && !_connection.HasEnded && !ClientDisconnected;

    /// <summary>Sends the text's UTF-8 bytes as they are: a script that wants a status line writes one.</summary>
    public Task SendAsync(string rawText) => SendAsync(Encoding.UTF8.GetBytes(rawText));

    /// <summary>Sends the bytes as they are.</summary>
    /// <exception cref="SocketException">The client is gone.</exception>
    /// <exception cref="OperationCanceledException">The exchange was aborted (<see cref="Aborted"/>).</exception>
    public Task SendAsync(ReadOnlyMemory<byte> bytes) => WriteAsync(bytes, Aborted);

    /// <summary>
    /// A complete response: status line, Content-Type (when there is a body), Content-Length, the given fields, the
    /// body. A field the script gives replaces the automatic one of the same name, so a wrong Content-Length is one
    /// argument away. "Connection: close" is added when the client asked for it, and the server then closes.
    /// </summary>
    public Task RespondAsync(int status, string? body = null, string contentType = "application/json", IEnumerable<(string Name, string Value)>? headers = null)
    {
        ResponseHead.Validate(status);
        var content = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var fields = new List<(string Name, string Value)>();
        if (body is not null)
            fields.Add(("Content-Type", contentType));
        fields.Add(("Content-Length", content.Length.ToString(CultureInfo.InvariantCulture)));
        var given = headers?.ToList() ?? [];
        fields.RemoveAll(f => given.Any(g => g.Name.Equals(f.Name, StringComparison.OrdinalIgnoreCase)));
        fields.AddRange(given);
        var head = EncodeHead(status, fields, addConnectionClose: true);
        var withoutBody = Request.Method.Equals("HEAD", StringComparison.OrdinalIgnoreCase);
        return SendAsync(withoutBody ? head : [.. head, .. content]);
    }

    /// <summary>A redirect: the 3xx status, Location and an empty body. Whether the client follows it is the test.</summary>
    public Task RedirectAsync(int status, string location)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 300);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 399);
        return RespondAsync(status, headers: [("Location", location)]);
    }

    /// <summary>
    /// Sends a status line and exactly the given fields, nothing added, and no body: for a script that writes the
    /// body itself, or a head that lies.
    /// </summary>
    public Task SendHeadAsync(int status, IEnumerable<(string Name, string Value)>? headers = null)
    {
        ResponseHead.Validate(status);
        return SendAsync(EncodeHead(status, headers?.ToList() ?? [], addConnectionClose: false));
    }

    /// <summary>
    /// Sends nothing at all until the client leaves, the server is disposed or <paramref name="cancellationToken"/>
    /// is cancelled: the server that took the request and went quiet.
    /// </summary>
    public Task SilenceAsync(CancellationToken cancellationToken = default) => UntilTheEndAsync(WaitForTheClientToLeaveAsync, cancellationToken);

    /// <summary>Reads the request (already done when the script runs), never answers, holds the connection open.</summary>
    public Task NeverAnswerAsync() => SilenceAsync();

    /// <summary>
    /// Sends a JSON response head (Content-Length when given, else chunked) and then nothing, until the client
    /// leaves, the server is disposed or <paramref name="cancellationToken"/> is cancelled: the client has its
    /// status and headers and waits for a body that never comes.
    /// </summary>
    public Task SendHeadersThenSilenceAsync(int status, long? contentLength, CancellationToken cancellationToken = default)
        => SendHeadersThenSilenceAsync(status, contentLength, "application/json", cancellationToken);

    /// <summary>
    /// <see cref="SendHeadersThenSilenceAsync(int, long?, CancellationToken)"/> with another Content-Type, for a
    /// client (a SOAP one) that looks at the content type before it waits for the body.
    /// </summary>
    public Task SendHeadersThenSilenceAsync(int status, long? contentLength, string contentType, CancellationToken cancellationToken = default)
    {
        ResponseHead.Validate(status);
        return UntilTheEndAsync(
            async stop =>
            {
                await WriteAsync(BodyHead(status, contentType, contentLength), stop).ConfigureAwait(false);
                await WaitForTheClientToLeaveAsync(stop).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>
    /// A body written <paramref name="bodyPerTick"/> at a time, one write every <paramref name="interval"/>: with
    /// <paramref name="contentLength"/> null, chunked and without end (until the client leaves, the server is disposed
    /// or the token is cancelled); with a length, that Content-Length, and the body ends once that many bytes are out
    /// (the last tick cut short), a slow but complete response.
    /// </summary>
    public Task TrickleAsync(int status, byte[] bodyPerTick, TimeSpan interval, long? contentLength = null, string contentType = "application/json", CancellationToken cancellationToken = default)
    {
        ResponseHead.Validate(status);
        ArgumentNullException.ThrowIfNull(bodyPerTick);
        ArgumentOutOfRangeException.ThrowIfZero(bodyPerTick.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromMilliseconds(1));
        if (contentLength is long declared)
            ArgumentOutOfRangeException.ThrowIfNegative(declared, nameof(contentLength));
        return UntilTheEndAsync(
            async stop =>
            {
                await WriteAsync(BodyHead(status, contentType, contentLength), stop).ConfigureAwait(false);
                if (contentLength is not long remaining)
                {
                    var chunk = ChunkedEncoding.Frame(bodyPerTick);
                    while (true)
                    {
                        await WriteAsync(chunk, stop).ConfigureAwait(false);
                        await Task.Delay(interval, stop).ConfigureAwait(false);
                    }
                }

                while (remaining > 0)
                {
                    var piece = bodyPerTick.AsMemory(0, (int)Math.Min(bodyPerTick.Length, remaining));
                    await WriteAsync(piece, stop).ConfigureAwait(false);
                    remaining -= piece.Length;
                    if (remaining > 0)
                        await Task.Delay(interval, stop).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }

    /// <summary>
    /// A chunked body written as fast as the client takes it, without end: it stops when the client stops reading
    /// and goes away (or the server is disposed), and <see cref="BytesWritten"/> then shows how much the client let
    /// through. Bounded by <see cref="MaxEndlessBytes"/>.
    /// </summary>
    public Task EndlessBodyAsync(int status = 200, string contentType = "application/json", CancellationToken cancellationToken = default)
    {
        ResponseHead.Validate(status);
        return UntilTheEndAsync(
            async stop =>
            {
                await WriteAsync(BodyHead(status, contentType, contentLength: null), stop).ConfigureAwait(false);
                var body = PaddingBody.Endless(contentType);
                var data = new byte[EndlessChunkSize];
                var frame = new byte[EndlessChunkSize + ChunkedEncoding.FrameOverhead];
                for (long offset = 0; offset < MaxEndlessBytes; offset += data.Length)
                {
                    body.Fill(data, offset);
                    await WriteAsync(frame.AsMemory(0, ChunkedEncoding.Frame(data, frame)), stop).ConfigureAwait(false);
                }

                await WaitForTheClientToLeaveAsync(stop).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>
    /// A complete body of <paramref name="totalBytes"/> bytes, generated as it is written (valid JSON or XML for
    /// those content types): with <paramref name="declareLength"/>, announced by Content-Length so a client can refuse
    /// it before reading; without, chunked, so only counting what it reads can stop the client.
    /// </summary>
    public Task HugeBodyAsync(int status, long totalBytes, string contentType = "application/json", bool declareLength = true, CancellationToken cancellationToken = default)
    {
        ResponseHead.Validate(status);
        ArgumentOutOfRangeException.ThrowIfNegative(totalBytes);
        var body = PaddingBody.Sized(contentType, totalBytes);
        return UntilTheEndAsync(
            async stop =>
            {
                await WriteAsync(BodyHead(status, contentType, declareLength ? totalBytes : null), stop).ConfigureAwait(false);
                var data = new byte[HugeBlockSize];
                var frame = new byte[HugeBlockSize + ChunkedEncoding.FrameOverhead];
                for (long offset = 0; offset < totalBytes;)
                {
                    var count = body.Fill(data, offset);
                    offset += count;
                    var block = data.AsMemory(0, count);
                    await WriteAsync(declareLength ? block : frame.AsMemory(0, ChunkedEncoding.Frame(block.Span, frame)), stop).ConfigureAwait(false);
                }

                if (!declareLength)
                    await WriteAsync(ChunkedEncoding.LastChunk, stop).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>
    /// Aborts the connection with a TCP RST at once. Called before sending anything, it is the server that read
    /// the request and then reset: the client cannot know whether the request was acted on.
    /// </summary>
    public void Reset() => _connection.Reset();

    /// <summary>Closes the connection in order (FIN) after what was sent: with a short body, a response cut off.</summary>
    public void Close() => _connection.Close();

    private async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            while (!bytes.IsEmpty)
            {
                var sent = await _connection.Socket.SendAsync(bytes, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _bytesWritten, sent);
                bytes = bytes[sent..];
            }
        }
        catch (SocketException) when (!cancellationToken.IsCancellationRequested && !_connection.HasEnded)
        {
            Volatile.Write(ref _clientDisconnected, 1);
            throw;
        }
    }

    private async Task WaitForTheClientToLeaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _connection.Input.WaitForEndOfStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException) when (!cancellationToken.IsCancellationRequested && !_connection.HasEnded)
        {
            // A reset is the client leaving too.
        }

        Volatile.Write(ref _clientDisconnected, 1);
    }

    /// <summary>Runs a helper that ends when the client leaves, the exchange is aborted or the caller cancels, quietly.</summary>
    private async Task UntilTheEndAsync(Func<CancellationToken, Task> helper, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Aborted, cancellationToken);
        try
        {
            await helper(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            // The client left (a failed write says so) or the server ended the connection.
        }
    }

    /// <summary>A body's head: Content-Type, then Content-Length when it is known, else chunked transfer coding.</summary>
    private byte[] BodyHead(int status, string contentType, long? contentLength)
    {
        var framing = contentLength is long length
            ? ("Content-Length", length.ToString(CultureInfo.InvariantCulture))
            : ("Transfer-Encoding", "chunked");
        return EncodeHead(status, [("Content-Type", contentType), framing], addConnectionClose: true);
    }

    /// <summary>
    /// Encodes a head, noting when it announces "Connection: close" (the server then closes after the script) and,
    /// if asked, adding that field when the client asked to close.
    /// </summary>
    private byte[] EncodeHead(int status, List<(string Name, string Value)> fields, bool addConnectionClose)
    {
        var closes = fields.Any(f => f.Name.Equals("Connection", StringComparison.OrdinalIgnoreCase) && f.Value.Contains("close", StringComparison.OrdinalIgnoreCase));
        if (addConnectionClose && _closeAfterResponse && !closes)
            fields.Add(("Connection", "close"));
        _closeAfterResponse |= closes;
        return ResponseHead.Encode(status, fields);
    }
}
