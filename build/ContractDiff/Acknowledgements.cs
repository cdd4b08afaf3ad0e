namespace Contracts.ContractDiff;

/// <summary>One line of the acknowledgement file: a breaking change made on purpose.</summary>
internal sealed record Acknowledgement(string Id, string Contract, string Reason, int Line);

/// <summary>
/// The committed file that lets a breaking change through (contracts/breaking-changes.acknowledged). One line per
/// change: its id (as the report prints it), the contract path and why the break is intended; blank lines and lines
/// starting with # are ignored. An acknowledgement names one exact change: if the change is edited further, its id
/// changes and it must be acknowledged again.
/// </summary>
internal sealed class Acknowledgements
{
    public const string DefaultPath = "contracts/breaking-changes.acknowledged";

    private Acknowledgements(string path, IReadOnlyList<Acknowledgement> entries)
    {
        Path = path;
        Entries = entries;
    }

    /// <summary>The file as the report names it.</summary>
    public string Path { get; }

    public IReadOnlyList<Acknowledgement> Entries { get; }

    /// <summary>Reads <paramref name="file"/>; a missing file acknowledges nothing. A malformed line is an error naming it.</summary>
    public static Acknowledgements Load(string file, string displayPath)
    {
        if (!File.Exists(file))
            return new Acknowledgements(displayPath, []);
        var entries = new List<Acknowledgement>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(file))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var fields = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3 || !IsId(fields[0]))
            {
                throw new ContractDiffException(
                    $"{displayPath}({lineNumber}): expected '<id> <contract path> <reason>' (an id of {ChangeId.Length} hex digits as the report prints it, then the contract and why the break is intended), found: {line}");
            }
            entries.Add(new Acknowledgement(fields[0].ToLowerInvariant(), fields[1], fields[2].Trim(), lineNumber));
        }
        return new Acknowledgements(displayPath, entries);
    }

    /// <summary>The acknowledgement of <paramref name="change"/>, or null.</summary>
    public Acknowledgement? For(ContractChange change)
        => Entries.FirstOrDefault(a => a.Id == change.Id && a.Contract == change.Contract);

    /// <summary>The acknowledgements that match no breaking change of <paramref name="changes"/>: left over from a change already merged, or from one edited since.</summary>
    public IReadOnlyList<Acknowledgement> Stale(IEnumerable<ContractChange> changes)
    {
        var breaking = changes.Where(c => c.IsBreaking).Select(c => (c.Id, c.Contract)).ToHashSet();
        return Entries.Where(a => !breaking.Contains((a.Id, a.Contract))).ToList();
    }

    private static bool IsId(string text) => text.Length == ChangeId.Length && text.All(Uri.IsHexDigit);
}
