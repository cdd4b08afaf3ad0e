using Contracts.Cli.Output;
using Contracts.Core.Batching;

namespace Contracts.Cli.Journal;

/// <summary>
/// How every batch command runs its batch: with a progress bar, its run journal (--outcomes) written ahead of the wire
/// through Core's <see cref="BatchObserver"/>, --resume skipping what a journal says is done, and a first Ctrl-C that
/// starts no new request but waits (bounded) for the answers of those on the wire.
/// </summary>
internal static class JournaledBatch
{
    private static readonly BatchFailure StillUnknown = new(
        BatchFailureKind.TransportError,
        "Unknown in the journal resumed (the vendor may have it); not sent again: --resend-unknown sends it again.");

    /// <summary>Runs the batch; every result goes to <paramref name="onResult"/>, on the caller's flow.</summary>
    /// <remarks>
    /// When the journal or a file <paramref name="onResult"/> writes cannot be written (<see cref="OutputFileException"/>),
    /// no new request starts, those on the wire finish, and every result still reaches <paramref name="onResult"/>
    /// (which must count a result before it files it). Before anything was sent, that exception is thrown (nothing was
    /// sent: exit 2); after, it is returned, for the command to print its summary and then <see cref="UnrecordedRun.Report"/>.
    /// </remarks>
    /// <returns>Null when every result was recorded; otherwise which file failed and what had been sent.</returns>
    /// <param name="context">Where the progress bar and notes go.</param>
    /// <param name="command">The command, e.g. "engage push": part of the journal's fingerprint.</param>
    /// <param name="inputPath">The input file: the other part of the fingerprint; null when the items are on the command line (then part of <paramref name="command"/>).</param>
    /// <param name="journal">What the command line asked of the journal.</param>
    /// <param name="read">Reads the input from the start (called once, twice with --resume).</param>
    /// <param name="keyColumns">The journal's columns that say which item a row is about (e.g. bNumber).</param>
    /// <param name="keyOf">Those columns' values for an item.</param>
    /// <param name="total">How many items the input has, for the progress bar.</param>
    /// <param name="describe">The progress bar's text for a number of items; null for no bar (a command that prints as results come).</param>
    /// <param name="drainBound">How long a stopped run waits for the requests on the wire (the client's Timeout).</param>
    /// <param name="send">Starts the vendor's batch over the items given, abandoning the requests on the wire when the token is cancelled.</param>
    /// <param name="onResult">Counts, prints and files one result.</param>
    /// <param name="stop">The command's token: cancelled by the first Ctrl-C or SIGTERM.</param>
    public static async Task<UnrecordedRun?> RunAsync<T>(
        CommandContext context,
        string command,
        string? inputPath,
        JournalRequest journal,
        Func<IEnumerable<T>> read,
        IReadOnlyList<string> keyColumns,
        Func<T, string?[]> keyOf,
        long total,
        Func<long, string>? describe,
        TimeSpan drainBound,
        Func<IEnumerable<T>, CancellationToken, IAsyncEnumerable<BatchChunkResult<T>>> send,
        Action<BatchChunkResult<T>> onResult,
        CancellationToken stop)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(onResult);

        var fingerprint = journal.Path is null ? null : InputFingerprint.Of(command, inputPath);
        var resume = journal.Resume ? ResumeState.Read(journal.Path!, fingerprint!) : null;
        using var runJournal = journal.Path is null ? null : new RunJournal(journal.Path, journal.Resume, fingerprint!, command, keyColumns);
        var observer = new Observer<T>(stop, runJournal, keyOf);

        if (resume is not null)
            total = ReportKeptUnknown(context, resume, journal.ResendUnknown, read, keyOf, runJournal!, onResult);

        bool Skipped(long item) => resume is not null && (resume.IsDone(item) || (!journal.ResendUnknown && resume.IsUnknown(item)));
        IEnumerable<T> ToSend()
        {
            foreach (var (item, value) in Numbered(read()))
            {
                if (Skipped(item))
                    continue;
                observer.Register(value, item);
                yield return value;
            }
        }

        // The second Ctrl-C abandons the requests on the wire; so does waiting longer than the client would for them.
        var interruption = Interruption.Current;
        using var abortAfterStop = interruption?.AbortAfterStop(drainBound);
        var abort = interruption?.Abort ?? stop;

        async Task RunAsync(Action<int> advance)
        {
            using (BatchObserver.Observe(observer))
            {
                try
                {
                    await foreach (var result in send(ToSend(), abort).ConfigureAwait(false))
                    {
                        try
                        {
                            onResult(result);
                        }
                        catch (OutputFileException unwritable)
                        {
                            // The next request the runner would start is refused by the observer, so nothing more leaves.
                            observer.Failed(unwritable);
                        }
                        // Items a stopped run never sends are not progress: the bar shows how far the run got.
                        if (!(result.Outcome == BatchItemOutcome.NotAttempted && result.Failure?.Kind == BatchFailureKind.Cancelled))
                            advance(result.Items.Count);
                    }
                }
                catch (OutputFileException unwritable)
                {
                    // The journal failed in the runner's observer: every result has been reported by now.
                    observer.Failed(unwritable);
                }
            }
        }

        if (describe is null)
            await RunAsync(_ => { }).ConfigureAwait(false);
        else
            await ProgressView.RunAsync(context, describe(total), total, stop, RunAsync).ConfigureAwait(false);

        if (observer.Failure is not { } failure)
            return null;
        if (observer.ItemsSent == 0)
            throw failure; // nothing was sent: an output that cannot be written, as before the run
        return new UnrecordedRun(failure, failure.Path == journal.Path, observer.ItemsSent);
    }

    // Before anything is sent: items the journal says may have reached the vendor stay unknown unless --resend-unknown,
    // and are reported as such (and journaled again as Unknown, saying why). Returns how many items are left to send.
    private static long ReportKeptUnknown<T>(
        CommandContext context, ResumeState resume, bool resendUnknown, Func<IEnumerable<T>> read, Func<T, string?[]> keyOf,
        RunJournal journal, Action<BatchChunkResult<T>> onResult)
    {
        long done = 0, keptUnknown = 0, toSend = 0;
        foreach (var (item, value) in Numbered(read()))
        {
            if (resume.IsDone(item))
            {
                done++;
            }
            else if (resume.IsUnknown(item) && !resendUnknown)
            {
                keptUnknown++;
                journal.Completed([(item, keyOf(value))], BatchItemOutcome.Unknown, StillUnknown, null);
                onResult(new BatchChunkResult<T>(-1, [value], BatchItemOutcome.Unknown, StillUnknown, null));
            }
            else
            {
                toSend++;
            }
        }
        context.Note($"--resume: {done:N0} items accepted or rejected in the journal are skipped; {toSend:N0} are sent; "
            + (resendUnknown ? "items of unknown outcome are among them (--resend-unknown)." : $"{keptUnknown:N0} of unknown outcome stay unknown (--resend-unknown sends them again)."));
        return toSend;
    }

    private static IEnumerable<(long Item, T Value)> Numbered<T>(IEnumerable<T> items)
    {
        long item = 0;
        foreach (var value in items)
            yield return (++item, value);
    }

    /// <summary>
    /// Journals each request before it leaves and each result as it comes, knowing each item's position in the input
    /// from the moment it was read to the moment its result is known (so only the items in flight are held). Once a
    /// record could not be written, lets no request leave (the runner then starts none and reports the rest not attempted).
    /// </summary>
    private sealed class Observer<T>(CancellationToken stop, RunJournal? journal, Func<T, string?[]> keyOf) : BatchObserver
        where T : class
    {
        private readonly Dictionary<T, long> _items = new(ReferenceEqualityComparer.Instance);
        private readonly Lock _gate = new();
        private OutputFileException? _failure;
        private long _itemsSent;

        public override CancellationToken StopStarting => stop;

        /// <summary>The first record that could not be written, if any.</summary>
        public OutputFileException? Failure => Volatile.Read(ref _failure);

        /// <summary>How many items left in requests (whatever their answers).</summary>
        public long ItemsSent => Interlocked.Read(ref _itemsSent);

        /// <summary>Keeps the first failure to record; from then on no request leaves.</summary>
        public void Failed(OutputFileException failure) => Interlocked.CompareExchange(ref _failure, failure, null);

        public void Register(T value, long item)
        {
            if (journal is null)
                return;
            lock (_gate)
                _items[value] = item;
        }

        public override void OnSending<TItem>(long chunkIndex, IReadOnlyList<TItem> items)
        {
            if (Failure is { } failure)
                throw failure;
            try
            {
                journal?.Sending(Keys(items, forget: false));
            }
            catch (OutputFileException unwritable)
            {
                Failed(unwritable);
                throw;
            }
            // Counted before the request leaves: a count too high by a request that then fails to leave says only
            // that something may have been sent, which is the safe thing to say.
            Interlocked.Add(ref _itemsSent, items.Count);
        }

        public override void OnCompleted<TItem>(BatchChunkResult<TItem> result)
        {
            try
            {
                journal?.Completed(Keys(result.Items, forget: true), result.Outcome, result.Failure, result.RequestId);
            }
            catch (OutputFileException unwritable)
            {
                Failed(unwritable);
                throw;
            }
        }

        private List<(long, string?[])> Keys<TItem>(IReadOnlyList<TItem> items, bool forget)
        {
            var keys = new List<(long, string?[])>(items.Count);
            lock (_gate)
            {
                foreach (var value in items)
                {
                    if (value is not T known || !_items.TryGetValue(known, out var item))
                        continue;
                    keys.Add((item, keyOf(known)));
                    if (forget)
                        _items.Remove(known);
                }
            }
            return keys;
        }
    }
}
