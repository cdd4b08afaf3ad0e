using Contracts.Cli.Output;
using Contracts.Core.Batching;

namespace Contracts.Cli.Journal;

/// <summary>
/// The run journal (<c>--outcomes FILE</c>): an append-only CSV log, one row per item each time its fate changes,
/// written ahead of the wire, so that a run ended any way at all (Ctrl-C, SIGTERM, SIGKILL, a power cut) leaves a file
/// that says what became of every item.
/// </summary>
/// <remarks>
/// <para>Columns: <c>item</c>, the command's key columns, then <c>outcome,kind,errorCode,requestId,reason</c>.
/// <c>item</c> is the item's position in the input (1 = the first number, contact or device, after the header, blank
/// and comment lines); the key columns say which item it is as people know it (<c>bNumber</c> for ENGAGE;
/// <c>id,sms,voice,email</c> for ONC); <c>outcome</c> is one of <see cref="InFlight"/> (its request
/// is leaving: written, and synced to the disk, before it leaves), Accepted, Rejected, Unknown (the vendor may have
/// it) or NotAttempted; the rest say why, as the vendor or notify put it.</para>
/// <para>The last row of an item is its outcome: an item whose last row is InFlight is unknown (the run ended while
/// its request was on the wire); an item with no row was not attempted.</para>
/// <para>Each run adds a <see cref="RunRow">Run</see> row (no item) whose reason names the command and the
/// <see cref="InputFingerprint">fingerprint</see> of the command and its input, which <c>--resume</c> checks.</para>
/// </remarks>
internal sealed class RunJournal : IDisposable
{
    /// <summary>The outcome of an item whose request is leaving; its last row if the run ended before the answer.</summary>
    public const string InFlight = "InFlight";

    /// <summary>The outcome word of the row that opens each run.</summary>
    public const string RunRow = "Run";

    /// <summary>The column before the key columns.</summary>
    public const string ItemColumn = "item";

    /// <summary>The columns after the key columns.</summary>
    public static readonly string[] OutcomeColumns = ["outcome", "kind", "errorCode", "requestId", "reason"];

    private readonly CsvOutput _csv;
    private readonly int _keyColumns;
    private readonly Lock _gate = new();

    /// <summary>Starts a journal at <paramref name="path"/> (or continues it, when <paramref name="append"/>) with the row that opens this run.</summary>
    /// <param name="path">The file.</param>
    /// <param name="append">Whether to continue the journal (--resume) rather than start it afresh.</param>
    /// <param name="fingerprint">The <see cref="InputFingerprint"/> of this run.</param>
    /// <param name="command">The command, e.g. "engage push".</param>
    /// <param name="keyColumns">The columns that say which item a row is about, e.g. bNumber.</param>
    public RunJournal(string path, bool append, string fingerprint, string command, IReadOnlyList<string> keyColumns)
    {
        _keyColumns = keyColumns.Count;
        _csv = new CsvOutput(path, append, [ItemColumn, .. keyColumns, .. OutcomeColumns]);
        _csv.AddRows([Row(null, [], RunRow, null, null, $"notify {command}, input {fingerprint}, started {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}")]);
        _csv.Sync();
    }

    /// <summary>Records that the request carrying <paramref name="items"/> is leaving, durably, before it leaves.</summary>
    public void Sending(IEnumerable<(long Number, string?[] Key)> items)
    {
        lock (_gate)
        {
            _csv.AddRows(items.Select(i => Row(i.Number, i.Key, InFlight, null, null, null)));
            _csv.Sync();
        }
    }

    /// <summary>Records the outcome of <paramref name="items"/>.</summary>
    public void Completed(IEnumerable<(long Number, string?[] Key)> items, BatchItemOutcome outcome, BatchFailure? failure, string? requestId)
    {
        lock (_gate)
        {
            _csv.AddRows(items.Select(i => Row(i.Number, i.Key, outcome.ToString(), failure, requestId, failure?.Reason)));
            // Written through to the operating system (a killed process loses nothing), not synced: a power cut can
            // only turn an answered item back into the InFlight (unknown) its synced row says, never lose one.
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            // After a failed write the run has reported the journal incomplete; syncing would only fail again.
            if (!_csv.Failed)
                _csv.Sync();
            _csv.Dispose();
        }
    }

    private string?[] Row(long? item, string?[] key, string outcome, BatchFailure? failure, string? requestId, string? reason)
    {
        var row = new string?[1 + _keyColumns + OutcomeColumns.Length];
        row[0] = item?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        key.CopyTo(row, 1);
        var at = 1 + _keyColumns;
        row[at] = outcome;
        row[at + 1] = failure?.Kind.ToString();
        row[at + 2] = failure?.ErrorCode;
        row[at + 3] = requestId;
        row[at + 4] = reason;
        return row;
    }
}
