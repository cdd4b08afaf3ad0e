namespace Contracts.Cli.Input;

/// <summary>
/// Records from a <see cref="CsvInput"/> file, by column: either one value per line (the record's only field, under
/// the default column), or CSV whose first row is a header naming the columns. Which first rows are headers is the
/// caller's rule (e.g. "names a column the command knows, such as <c>deviceId</c>"), so a file of bare values is never
/// mistaken for one. Empty fields are left out.
/// </summary>
internal static class RecordFile
{
    /// <summary>Reads the records of <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="defaultColumn">The column of a file without header.</param>
    /// <param name="isHeader">Whether the first row is a header; may throw <see cref="FormatException"/> for a header the caller cannot use.</param>
    public static IEnumerable<FileRecord> Read(string path, string defaultColumn, Func<CsvLine, bool> isHeader)
    {
        IReadOnlyList<string>? header = null;
        var first = true;
        foreach (var line in CsvInput.Read(path))
        {
            if (first)
            {
                first = false;
                if (isHeader(line))
                {
                    header = line.Values;
                    continue;
                }
            }

            if (header is null)
            {
                // One value per line: anything after a delimiter is ignored, as it always was.
                yield return new FileRecord(line.Where, line[0].Length > 0 ? [(defaultColumn, line[0])] : []);
                continue;
            }
            var fields = new List<(string, string)>(header.Count);
            for (var i = 0; i < header.Count; i++)
            {
                if (line[i] is { Length: > 0 } value)
                    fields.Add((header[i], value));
            }
            yield return new FileRecord(line.Where, fields);
        }
    }

    /// <summary>A header rule: the first row is a header when one of its columns is a name <paramref name="isKnownColumn"/> knows.</summary>
    public static Func<CsvLine, bool> NamesAColumn(Func<string, bool> isKnownColumn) => line => line.Values.Any(isKnownColumn);
}

/// <summary>One record of a <see cref="RecordFile"/>: where it is ("file:row", for messages), and its non-empty fields by column.</summary>
internal sealed record FileRecord(string Where, IReadOnlyList<(string Column, string Value)> Fields);
