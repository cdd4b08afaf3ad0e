using System.Runtime.InteropServices;

namespace Contracts.Cli;

/// <summary>
/// What Ctrl-C and SIGTERM do to a running command. The first asks it to <see cref="Stop"/>: a batch starts no new
/// request, waits for the answers of those on the wire (bounded by <see cref="AbortAfterStop"/>), then writes its
/// summary, --json and files, and exits 130. The second <see cref="Abort">abandons</see> the requests on the wire at
/// once (their items stay unknown). The third ends the process at once (exit 130), for a command that does not stop.
/// Each is announced on standard error.
/// </summary>
/// <remarks>
/// Replaces System.CommandLine's own handling, which cancels the command and, two seconds later, ends the process
/// with exit 130 whatever the command was doing: a batch with requests on the wire then left no summary, an empty
/// --json and truncated files.
/// </remarks>
internal sealed class Interruption : IDisposable
{
    private static readonly AsyncLocal<Interruption?> Active = new();

    private readonly CancellationTokenSource _stop;
    private readonly CancellationTokenSource _abort = new();
    private readonly PosixSignalRegistration[] _signals;
    private int _received;

    private Interruption(CancellationToken external)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(external);
        _signals =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>The interruption of the command running in this flow; one that never fires when none listens (a command called directly).</summary>
    public static Interruption? Current => Active.Value;

    /// <summary>Cancelled by the first Ctrl-C or SIGTERM (or the caller's token): start nothing new.</summary>
    public CancellationToken Stop => _stop.Token;

    /// <summary>Cancelled by the second Ctrl-C or SIGTERM, or by <see cref="AbortAfterStop"/>: abandon what is on the wire.</summary>
    public CancellationToken Abort => _abort.Token;

    /// <summary>Listens for Ctrl-C and SIGTERM until disposed, and makes this the <see cref="Current"/> interruption.</summary>
    /// <param name="external">The caller's token: cancelling it is a first Ctrl-C.</param>
    public static Interruption Listen(CancellationToken external)
    {
        var interruption = new Interruption(external);
        Active.Value = interruption;
        return interruption;
    }

    /// <summary>Abandons what is on the wire <paramref name="bound"/> after the stop: the longest a stopping command waits for answers.</summary>
    public IDisposable AbortAfterStop(TimeSpan bound)
        => _stop.Token.Register(() =>
        {
            try
            {
                _abort.CancelAfter(bound);
            }
            catch (ObjectDisposedException)
            {
                // The command finished as it was being stopped.
            }
        });

    public void Dispose()
    {
        foreach (var signal in _signals)
            signal.Dispose();
        if (Active.Value == this)
            Active.Value = null;
        _stop.Dispose();
        _abort.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // The process keeps running: the command stops itself and exits 130 once its summary and files are written.
        context.Cancel = true;
        switch (Interlocked.Increment(ref _received))
        {
            case 1:
                Console.Error.WriteLine($"notify: {context.Signal}: stopping; no new request starts, those on the wire are waited for (again to abandon them).");
                _stop.Cancel();
                break;
            case 2:
                Console.Error.WriteLine($"notify: {context.Signal}: abandoning the requests on the wire (their items are unknown); again to exit at once.");
                _abort.Cancel();
                break;
            default:
                Environment.Exit(ExitCodes.Cancelled);
                break;
        }
    }
}
