using System.Globalization;
using Contracts.Cli.Input;

namespace Contracts.Cli.Journal;

/// <summary>
/// What a run journal says of each item (the last row of each wins), read for <c>--resume</c>: done (accepted or
/// rejected: never sent again), unknown (sent again only with <c>--resend-unknown</c>) or still to send (not attempted,
/// or no row). One byte per item, so a journal of millions of items is read in a few megabytes.
/// </summary>
internal sealed class ResumeState
{
    private enum Fate : byte
    {
        ToSend = 0,
        Done,
        Unknown,
    }

    private Fate[] _fates = new Fate[1024];

    private ResumeState()
    {
    }

    /// <summary>Reads <paramref name="path"/>, which must have been written for <paramref name="fingerprint"/>.</summary>
    /// <exception cref="InvalidDataException">The journal belongs to another input or command, or is not a journal.</exception>
    public static ResumeState Read(string path, string fingerprint)
    {
        var state = new ResumeState();
        var runs = 0;
        var outcomeColumn = -1;
        var reasonColumn = -1;
        foreach (var line in CsvInput.Read(path))
        {
            if (outcomeColumn < 0)
            {
                // The header: the key columns between item and outcome differ by command.
                outcomeColumn = IndexOf(line.Values, RunJournal.OutcomeColumns[0]);
                reasonColumn = IndexOf(line.Values, RunJournal.OutcomeColumns[^1]);
                if (line.Values[0] != RunJournal.ItemColumn || outcomeColumn < 0 || reasonColumn < 0)
                    throw NotAJournal(path);
                continue;
            }
            if (line.Values.Count <= outcomeColumn)
                continue; // the last row of a run killed as it wrote it
            var outcome = line.Values[outcomeColumn];
            if (outcome == RunJournal.RunRow)
            {
                var reason = line.Values.Count > reasonColumn ? line.Values[reasonColumn] : "";
                if (!reason.Contains(fingerprint, StringComparison.Ordinal))
                    throw new InvalidDataException($"{path} is the journal of another input or command (its run says: {reason}; this run is {fingerprint}): nothing was sent. Resume with the same command and the same, unchanged --file.");
                runs++;
                continue;
            }
            if (!long.TryParse(line.Values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var item) || item < 1)
                continue;
            state.Set(item, outcome switch
            {
                "Accepted" or "Rejected" => Fate.Done,
                RunJournal.InFlight or "Unknown" => Fate.Unknown,
                _ => Fate.ToSend,
            });
        }
        if (runs == 0)
            throw NotAJournal(path);
        return state;
    }

    private static InvalidDataException NotAJournal(string path)
        => new($"{path} is not a notify run journal: nothing was sent. Give --resume the file a previous run wrote with --outcomes.");

    private static int IndexOf(IReadOnlyList<string> values, string column)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == column)
                return i;
        }
        return -1;
    }

    /// <summary>Whether item <paramref name="item"/> (from 1) was accepted or rejected.</summary>
    public bool IsDone(long item) => FateOf(item) == Fate.Done;

    /// <summary>Whether item <paramref name="item"/> (from 1) may have reached the vendor without an answer saying so.</summary>
    public bool IsUnknown(long item) => FateOf(item) == Fate.Unknown;

    private Fate FateOf(long item) => item < _fates.Length ? _fates[item] : Fate.ToSend;

    private void Set(long item, Fate fate)
    {
        if (item >= _fates.Length)
            Array.Resize(ref _fates, (int)Math.Max(item + 1, _fates.Length * 2L));
        _fates[item] = fate;
    }
}
