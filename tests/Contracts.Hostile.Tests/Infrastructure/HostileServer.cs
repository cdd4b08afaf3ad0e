using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Contracts.Hostile.Tests.Infrastructure;

/// <summary>
/// An HTTP/1.1 server on raw sockets, for tests that check what a client does when the server misbehaves. A
/// framework server (Kestrel) protects its clients from exactly the answers these tests need: it fixes framing, adds
/// headers, refuses to stall. Here every byte of every answer is the script's (<see cref="Respond"/>,
/// <see cref="HostileExchange"/>), while requests are read strictly and recorded before any script runs.
/// </summary>
/// <remarks>
/// Only loopback addresses (127.0.0.0/8) can be bound, and every loop is bounded: by the client leaving, by
/// <see cref="MaxScriptDuration"/>, by disposal, or by a byte or connection limit. Disposal cancels every script and
/// closes every socket, so a test that disposes its server cannot hang on it.
/// </remarks>
public sealed class HostileServer : IAsyncDisposable
{
    /// <summary>The most connections one server accepts; after that it stops listening and connections are refused.</summary>
    public const int MaxConnections = 10_000;

    /// <summary>The most requests one connection carries before the server closes it.</summary>
    public const int MaxRequestsPerConnection = 10_000;

    /// <summary>How long disposal waits for scripts that ignore <see cref="HostileExchange.Aborted"/>.</summary>
    private static readonly TimeSpan DisposalGrace = TimeSpan.FromSeconds(10);

    private static readonly Func<HostileRequest, HostileExchange, Task> NotFound = static (_, exchange) => exchange.RespondAsync(404);

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<HostileRequest> _requests = [];
    private readonly ConcurrentQueue<Exception> _errors = new();
    private readonly ConcurrentDictionary<int, HostileConnection> _open = new();
    private readonly ConcurrentDictionary<int, Task> _serving = new();
    private readonly Task _accepting;
    private TaskCompletionSource _nextArrival = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Func<HostileRequest, HostileExchange, Task> _responder = NotFound;
    private long _maxScriptDurationTicks = TimeSpan.FromMinutes(2).Ticks;
    private int _connectionsAccepted;
    private int _resetOnAccept;
    private int _disposed;

    private HostileServer(TcpListener listener)
    {
        _listener = listener;
        var endpoint = (IPEndPoint)listener.LocalEndpoint;
        Address = endpoint.Address;
        Port = endpoint.Port;
        BaseUrl = new Uri($"http://{Address}:{Port}/");
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>http://address:port/ with the address the server listens on (127.0.0.1 unless another was given).</summary>
    public Uri BaseUrl { get; }

    public IPAddress Address { get; }

    public int Port { get; }

    /// <summary>Every request received so far, in arrival order (a snapshot; safe to read while requests arrive).</summary>
    public IReadOnlyList<HostileRequest> Requests
    {
        get
        {
            lock (_gate)
                return _requests.ToArray();
        }
    }

    /// <summary>Connections being served now: accepted, not reset at once, and not yet closed by either side.</summary>
    public int OpenConnections => _open.Count;

    /// <summary>Connections accepted so far, including those reset at once by <see cref="ResetOnAccept"/>.</summary>
    public int ConnectionsAccepted => Volatile.Read(ref _connectionsAccepted);

    /// <summary>
    /// How many of the next accepted connections to reset (TCP RST) at once, before a byte of them is read: whatever
    /// the client sent is discarded unread and no request is recorded. Counts down as connections are reset.
    /// </summary>
    public int ResetOnAccept
    {
        get => Volatile.Read(ref _resetOnAccept);
        set => Volatile.Write(ref _resetOnAccept, Math.Max(0, value));
    }

    /// <summary>
    /// How long one script may run before its exchange is aborted and its connection reset (two minutes unless set):
    /// the bound on every "until the client leaves" helper when the client never leaves. Applies to scripts that
    /// start after it is set. At most an hour: it is a bound, not a way to disable one.
    /// </summary>
    public TimeSpan MaxScriptDuration
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _maxScriptDurationTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromHours(1));
            Interlocked.Exchange(ref _maxScriptDurationTicks, value.Ticks);
        }
    }

    /// <summary>
    /// What went wrong on the server's side that a test should not miss: requests that were not valid HTTP/1.1
    /// (<see cref="MalformedRequestException"/>) and scripts that threw for another reason than the client leaving
    /// (their connection is reset, so the client fails fast instead of waiting).
    /// </summary>
    public IReadOnlyList<Exception> Errors => _errors.ToArray();

    /// <summary>Starts listening on <paramref name="address"/> (127.0.0.1 by default), on a free port.</summary>
    /// <exception cref="ArgumentException">The address is not an IPv4 loopback address (127.0.0.0/8).</exception>
    /// <exception cref="SocketException">The address cannot be bound (on some systems only 127.0.0.1 can).</exception>
    public static Task<HostileServer> StartAsync(IPAddress? address = null)
    {
        address ??= IPAddress.Loopback;
        if (address.AddressFamily != AddressFamily.InterNetwork || !IPAddress.IsLoopback(address))
            throw new ArgumentException($"The hostile server listens only on 127.0.0.0/8, not on {address}.", nameof(address));
        var listener = new TcpListener(address, 0);
        listener.Start(backlog: 512);
        return Task.FromResult(new HostileServer(listener));
    }

    /// <summary>
    /// Sets the script that answers every request from now on (until replaced); requests already being answered keep
    /// theirs. Until a script is set, every request gets a 404 with an empty body. A script that returns without
    /// sending anything leaves the client waiting, and the connection open for its next request.
    /// </summary>
    public void Respond(Func<HostileRequest, HostileExchange, Task> responder)
    {
        ArgumentNullException.ThrowIfNull(responder);
        _responder = responder;
    }

    /// <summary>The requests to <paramref name="path"/> (compared exactly, still percent-encoded), in arrival order.</summary>
    public IReadOnlyList<HostileRequest> RequestsTo(string path) => Requests.Where(r => r.Path.Equals(path, StringComparison.Ordinal)).ToArray();

    /// <summary>How many requests so far match <paramref name="predicate"/>.</summary>
    public int Count(Func<HostileRequest, bool> predicate) => Requests.Count(predicate);

    /// <summary>Completes once at least <paramref name="count"/> requests have arrived.</summary>
    /// <exception cref="ObjectDisposedException">The server was disposed first.</exception>
    public async Task WaitForRequestsAsync(int count, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task arrival;
            lock (_gate)
            {
                if (_requests.Count >= count)
                    return;
                arrival = _nextArrival.Task;
            }

            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
            await arrival.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops listening, cancels every script (<see cref="HostileExchange.Aborted"/>) and closes every connection, then
    /// waits (at most ten seconds, for scripts that ignore cancellation) for them all to end.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        foreach (var connection in _open.Values)
            connection.Close();
        lock (_gate)
            _nextArrival.TrySetResult();
        try
        {
            await Task.WhenAll(_serving.Values).WaitAsync(DisposalGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A script that ignores its Aborted token is left behind rather than hanging the test.
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested && ConnectionsAccepted < MaxConnections)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException
                                       || (e is InvalidOperationException && stopping.IsCancellationRequested))
            {
                // Disposal stopped the listener (between the loop's check and the accept: "Not listening").
                return;
            }

            var id = Interlocked.Increment(ref _connectionsAccepted);
            var connection = new HostileConnection(socket, id);
            if (TakeResetOnAccept())
            {
                connection.Reset();
                continue;
            }

            socket.NoDelay = true;
            _open[id] = connection;
            _serving[id] = Task.Run(() => ServeAsync(connection));
        }

        _listener.Stop();
    }

    private bool TakeResetOnAccept()
    {
        int left;
        do
        {
            left = Volatile.Read(ref _resetOnAccept);
            if (left == 0)
                return false;
        }
        while (Interlocked.CompareExchange(ref _resetOnAccept, left - 1, left) != left);
        return true;
    }

    /// <summary>Reads requests off one connection and hands each to the script, for as long as the connection stays usable.</summary>
    private async Task ServeAsync(HostileConnection connection)
    {
        var stopping = _stopping.Token;
        try
        {
            for (var served = 0; served < MaxRequestsPerConnection && !stopping.IsCancellationRequested; served++)
            {
                ParsedRequest? parsed;
                try
                {
                    parsed = await RequestReader.ReadAsync(connection.Input, ct => SendContinueAsync(connection, ct), stopping).ConfigureAwait(false);
                }
                catch (MalformedRequestException e)
                {
                    _errors.Enqueue(e);
                    await RefuseAsync(connection, e.StatusCode, stopping).ConfigureAwait(false);
                    return;
                }

                if (parsed is null || !await AnswerAsync(connection, Record(parsed, connection.Id)).ConfigureAwait(false))
                    return;
            }
        }
        catch (Exception e) when (IsConnectionGone(e))
        {
            // The client left, or the server is being disposed.
        }
        finally
        {
            connection.Close();
            _open.TryRemove(connection.Id, out _);
            _serving.TryRemove(connection.Id, out _);
        }
    }

    /// <summary>Runs the current script for one request; true if the connection can carry another request.</summary>
    private async Task<bool> AnswerAsync(HostileConnection connection, HostileRequest request)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        limit.CancelAfter(MaxScriptDuration);
        using var resetOnLimit = limit.Token.Register(connection.Reset);
        var exchange = new HostileExchange(connection, request, limit.Token);
        try
        {
            await _responder(request, exchange).ConfigureAwait(false);
        }
        catch (Exception e) when (IsConnectionGone(e))
        {
            return false;
        }
        catch (Exception e)
        {
            _errors.Enqueue(e);
            connection.Reset();
            return false;
        }

        return exchange.LeavesConnectionOpen;
    }

    private HostileRequest Record(ParsedRequest parsed, int connectionId)
    {
        var (path, query) = SplitTarget(parsed.Target);
        lock (_gate)
        {
            var request = new HostileRequest(
                parsed.Method, parsed.Target, path, query, parsed.Version, new HostileHeaders(parsed.Headers), parsed.Body,
                connectionId, _requests.Count, Port);
            _requests.Add(request);
            var arrived = _nextArrival;
            _nextArrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            arrived.TrySetResult();
            return request;
        }
    }

    /// <summary>The path and query of an origin-form target (/a?b) or an absolute-form one (http://host/a?b).</summary>
    private static (string Path, string Query) SplitTarget(string target)
    {
        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && !target.StartsWith('/'))
        {
            var pathStart = target.IndexOf('/', scheme + 3);
            target = pathStart < 0 ? "/" : target[pathStart..];
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (target, "") : (target[..question], target[question..]);
    }

    private static async Task SendContinueAsync(HostileConnection connection, CancellationToken cancellationToken)
        => await connection.Socket.SendAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), SocketFlags.None, cancellationToken).ConfigureAwait(false);

    private static async Task RefuseAsync(HostileConnection connection, int status, CancellationToken cancellationToken)
    {
        var head = ResponseHead.Encode(status, [("Content-Length", "0"), ("Connection", "close")]);
        try
        {
            await connection.Socket.SendAsync(head, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsConnectionGone(e))
        {
            // Nobody left to tell.
        }
    }

    private static bool IsConnectionGone(Exception e) => e is IOException or SocketException or ObjectDisposedException or OperationCanceledException;
}
