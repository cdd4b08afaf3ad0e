namespace Contracts.Sandbox.Onc;

/// <summary>
/// The simulated service's API sessions: opened by OpenAPISession, alive until idle for the timeout (every accepted
/// call restarts the idle clock, as ONC documents: "expire after 20 minutes of inactivity"), ended by
/// CloseAPISession or by expiring everything at once.
/// </summary>
internal sealed class OncSessionStore(TimeProvider time, TimeSpan idleTimeout)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _lastActivity = new(StringComparer.Ordinal);
    private bool _acceptAnySession;
    private long _opened;
    private long _closed;
    private volatile string? _lastOpened;

    public long Opened => Interlocked.Read(ref _opened);

    public long Closed => Interlocked.Read(ref _closed);

    /// <summary>The id of the session opened last; only the last is kept, so a long-running sandbox does not grow.</summary>
    public string? LastOpened => _lastOpened;

    /// <summary>Sessions open now (an idle one counts until a call finds it expired).</summary>
    public int OpenCount
    {
        get
        {
            lock (_gate)
            {
                var now = time.GetUtcNow();
                return _lastActivity.Values.Count(last => now - last < idleTimeout);
            }
        }
    }

    public string Open()
    {
        // Shaped like the vendor's ids as far as anyone can tell (opaque strings); random so none can be guessed.
        var sessionId = Guid.NewGuid().ToString("D");
        lock (_gate)
            _lastActivity[sessionId] = time.GetUtcNow();
        Interlocked.Increment(ref _opened);
        _lastOpened = sessionId;
        return sessionId;
    }

    /// <summary>Whether <paramref name="sessionId"/> is open; if so its idle clock restarts now. An expired session is forgotten.</summary>
    public bool Use(string? sessionId)
    {
        if (string.IsNullOrEmpty(sessionId))
            return false;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_lastActivity.TryGetValue(sessionId, out var last))
            {
                if (now - last >= idleTimeout)
                {
                    _lastActivity.Remove(sessionId);
                    return false;
                }
            }
            else if (!_acceptAnySession)
            {
                return false;
            }
            _lastActivity[sessionId] = now;
            return true;
        }
    }

    /// <summary>Ends <paramref name="sessionId"/>; false when it was not open.</summary>
    public bool Close(string? sessionId)
    {
        if (!Use(sessionId))
            return false;
        lock (_gate)
            _lastActivity.Remove(sessionId!);
        Interlocked.Increment(ref _closed);
        return true;
    }

    /// <summary>Treats <paramref name="sessionId"/>, which this store never issued, as a session opened now (Pact interactions carry example ids).</summary>
    public void Adopt(string sessionId)
    {
        lock (_gate)
            _lastActivity[sessionId] = time.GetUtcNow();
    }

    /// <summary>
    /// Accepts session ids this store never issued, as if they had just been opened (Pact interactions carry example
    /// ids). Ends with <see cref="ExpireAll"/>.
    /// </summary>
    public void AcceptAnySession()
    {
        lock (_gate)
            _acceptAnySession = true;
    }

    /// <summary>Ends every session, as if all of them had been idle for the timeout.</summary>
    public void ExpireAll()
    {
        lock (_gate)
        {
            _acceptAnySession = false;
            _lastActivity.Clear();
        }
    }
}
