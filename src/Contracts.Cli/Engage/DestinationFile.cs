using Contracts.Cli.Input;
using Contracts.Engage;

namespace Contracts.Cli.Engage;

/// <summary>
/// Reads destinations from a file (through <see cref="CsvInput"/>: quoted fields, a BOM, comma or semicolon), lazily,
/// so a file of millions of numbers costs no more memory than one line: either one number per line, or CSV with a
/// header naming a bNumber column, an optional customTrackingId column, and any other column as a personalization
/// variable. Blank lines and lines starting with '#' are skipped.
/// </summary>
public static class DestinationFile
{
    private const string BNumber = "bNumber";
    private const string CustomTrackingId = "customTrackingId";

    /// <summary>Reads the destinations of <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">A CSV header has no bNumber column, or a quoted field is malformed.</exception>
    public static IEnumerable<Destination> Read(string path)
    {
        foreach (var record in RecordFile.Read(path, BNumber, IsHeader))
        {
            var destination = new Destination { BNumber = "" };
            foreach (var (column, value) in record.Fields)
            {
                if (column.Equals(BNumber, StringComparison.OrdinalIgnoreCase))
                {
                    destination.BNumber = value;
                }
                else if (column.Equals(CustomTrackingId, StringComparison.OrdinalIgnoreCase))
                {
                    destination.CustomTrackingId = value;
                }
                else
                {
                    destination.Personalization ??= new Dictionary<string, string>(StringComparer.Ordinal);
                    destination.Personalization[column] = value;
                }
            }
            yield return destination;
        }
    }

    /// <summary>Counts the destinations of <paramref name="path"/> (a fast pass, for a progress bar's total).</summary>
    public static long Count(string path)
    {
        long count = 0;
        foreach (var _ in Read(path))
            count++;
        return count;
    }

    // A number has no letters (and an E.164 one starts with '+'), so a first row with letters is a header; a header
    // without bNumber would send every row to nobody, so it stops the run before anything is sent.
    private static bool IsHeader(CsvLine line)
    {
        if (!line.Values.Any(v => v.Any(char.IsAsciiLetter)) || line[0].StartsWith('+'))
            return false;
        if (!line.Values.Contains(BNumber, StringComparer.OrdinalIgnoreCase))
            throw new FormatException($"{line.Where}: the CSV header has no bNumber column (columns: {string.Join(", ", line.Values)}).");
        return true;
    }
}
