namespace Contracts.Cli.Input;

/// <summary>
/// Reads records from a file lazily, so a file of millions of lines costs no more memory than one: either one value
/// per line (the record's only field, under the default column), or CSV (comma or semicolon) whose first line is a
/// header naming the columns. The first line is a header when one of its columns is a name the command knows
/// (e.g. <c>deviceId</c>), so a file of bare values is never mistaken for one. Blank lines and lines starting with
/// '#' are skipped; fields are trimmed; empty fields are left out.
/// </summary>
internal static class RecordFile
{
    /// <summary>Reads the records of <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="defaultColumn">The column of a file without header.</param>
    /// <param name="isKnownColumn">Whether a column name marks the first line as a header (case-insensitive names are the caller's choice).</param>
    public static IEnumerable<FileRecord> Read(string path, string defaultColumn, Func<string, bool> isKnownColumn)
    {
        using var reader = new StreamReader(path);
        string[]? header = null;
        var separator = ',';
        var first = true;
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            line = line.Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (first)
            {
                first = false;
                separator = line.Contains(';', StringComparison.Ordinal) ? ';' : ',';
                var columns = line.Split(separator).Select(c => c.Trim()).ToArray();
                if (columns.Any(isKnownColumn))
                {
                    header = columns;
                    continue;
                }
            }

            if (header is null)
            {
                yield return new FileRecord(path, lineNumber, [(defaultColumn, line)]);
                continue;
            }
            var values = line.Split(separator);
            var fields = new List<(string, string)>(header.Length);
            for (var i = 0; i < header.Length && i < values.Length; i++)
            {
                var value = values[i].Trim();
                if (value.Length > 0)
                    fields.Add((header[i], value));
            }
            yield return new FileRecord(path, lineNumber, fields);
        }
    }
}

/// <summary>One record of a <see cref="RecordFile"/>: where it is, and its non-empty fields by column.</summary>
internal sealed record FileRecord(string Path, int LineNumber, IReadOnlyList<(string Column, string Value)> Fields)
{
    /// <summary>"file:line", for messages.</summary>
    public string Where => $"{System.IO.Path.GetFileName(Path)}:{LineNumber}";
}
