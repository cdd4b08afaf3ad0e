using Contracts.Engage;

namespace Contracts.Cli.Engage;

/// <summary>
/// Reads destinations from a file, lazily, so a file of millions of numbers costs no more memory than one line:
/// either one number per line, or CSV (comma or semicolon) with a header naming a bNumber column, an optional
/// customTrackingId column, and any other column as a personalization variable. Blank lines and lines starting
/// with '#' are skipped.
/// </summary>
public static class DestinationFile
{
    /// <summary>Reads the destinations of <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">A CSV header has no bNumber column.</exception>
    public static IEnumerable<Destination> Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = default(string[]);
        var firstContentLine = true;
        var separator = ',';
        var bNumberColumn = 0;
        var trackingColumn = -1;
        string? line;
        var lineNumber = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            line = line.Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;

            // Only the first line with content can be a CSV header.
            var isHeader = firstContentLine && LooksLikeHeader(line);
            firstContentLine = false;
            if (isHeader)
            {
                separator = line.Contains(';', StringComparison.Ordinal) ? ';' : ',';
                header = line.Split(separator).Select(c => c.Trim()).ToArray();
                bNumberColumn = Array.FindIndex(header, c => c.Equals("bNumber", StringComparison.OrdinalIgnoreCase));
                if (bNumberColumn < 0)
                    throw new FormatException($"{path}:{lineNumber}: the CSV header has no bNumber column (columns: {string.Join(", ", header)}).");
                trackingColumn = Array.FindIndex(header, c => c.Equals("customTrackingId", StringComparison.OrdinalIgnoreCase));
                continue;
            }

            if (header is null)
            {
                // One number per line (anything after a comma or semicolon is ignored).
                yield return new Destination { BNumber = line.Split(',', ';')[0].Trim() };
                continue;
            }

            var fields = line.Split(separator);
            var destination = new Destination { BNumber = Field(fields, bNumberColumn) ?? "" };
            if (trackingColumn >= 0 && Field(fields, trackingColumn) is { Length: > 0 } tracking)
                destination.CustomTrackingId = tracking;
            for (var i = 0; i < header.Length; i++)
            {
                if (i == bNumberColumn || i == trackingColumn || Field(fields, i) is not { Length: > 0 } value)
                    continue;
                destination.Personalization ??= new Dictionary<string, string>(StringComparer.Ordinal);
                destination.Personalization[header[i]] = value;
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

    private static bool LooksLikeHeader(string line) => line.Any(char.IsAsciiLetter) && !line.StartsWith('+');

    private static string? Field(string[] fields, int index) => index < fields.Length ? fields[index].Trim() : null;
}
