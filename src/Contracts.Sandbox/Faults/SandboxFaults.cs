namespace Contracts.Sandbox.Faults;

/// <summary>
/// The faults armed for one simulated vendor: one-shot answers taken in order, a delay added to every answer, and
/// credential expiry after a number of requests. Thread-safe; arm and disarm at any time, also during a run.
/// </summary>
public sealed class SandboxFaults
{
    private readonly Lock _gate = new();
    private readonly Queue<SandboxFault> _next = new();
    private int _expireAfter = -1;

    /// <summary>Added before every answer of this vendor (simulates a slow vendor; a client's timeout fires past it).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Answers the next <paramref name="times"/> requests with <paramref name="fault"/>.</summary>
    public SandboxFaults Enqueue(SandboxFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
                _next.Enqueue(fault);
        }
        return this;
    }

    /// <summary>Expires every token or session after <paramref name="requests"/> more requests (once), as a vendor does mid-run.</summary>
    public SandboxFaults ExpireCredentialsAfter(int requests)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        lock (_gate)
            _expireAfter = requests;
        return this;
    }

    /// <summary>Disarms everything.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _next.Clear();
            _expireAfter = -1;
            Delay = TimeSpan.Zero;
        }
    }

    /// <summary>What to do with the request arriving now.</summary>
    internal (SandboxFault? Fault, bool ExpireNow) OnRequest()
    {
        lock (_gate)
        {
            var expire = false;
            if (_expireAfter == 0)
            {
                expire = true;
                _expireAfter = -1;
            }
            else if (_expireAfter > 0)
            {
                _expireAfter--;
            }
            return (_next.TryDequeue(out var fault) ? fault : null, expire);
        }
    }
}
