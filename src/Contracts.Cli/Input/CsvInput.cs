using Sylvan.Data.Csv;

namespace Contracts.Cli.Input;

/// <summary>
/// The one CSV reader behind every file notify reads (ENGAGE numbers, Accengage targets and devices, ONC contacts),
/// through Sylvan, lazily, so a file of millions of rows costs no more memory than one. Fields may be quoted
/// (RFC 4180: a quoted field holds commas, doubled quotes and line breaks); a UTF-8 BOM is skipped; the delimiter is
/// the one the first content line uses most (<c>,</c>, <c>;</c>, tab or <c>|</c>; <c>,</c> when it has none, so a file
/// of one value per line reads as one column). Lines starting with <c>#</c> and rows whose fields are all blank are
/// skipped; fields are trimmed.
/// </summary>
/// <remarks>
/// A field that is a single quote followed by an E.164 number (<c>'+15018902005</c>) is read as the number: that is how
/// <see cref="Output.CsvOutput"/> neutralises numbers against formula injection, so a <c>--failures</c> or
/// <c>--outcomes</c> file can be fed back to notify as it is.
/// </remarks>
internal static class CsvInput
{
    private const char Comment = '#';
    private static readonly char[] Delimiters = [',', ';', '\t', '|'];

    /// <summary>Reads the rows of <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">A quoted field is malformed (e.g. text after its closing quote) or never closed.</exception>
    public static IEnumerable<CsvLine> Read(string path)
    {
        var comments = 0;
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false, // each caller decides whether its first row is a header (a file of bare numbers has none)
            Delimiter = DetectDelimiter(path),
            Comment = Comment,
            // Comments are notes for people, not rows; counted because Sylvan's row numbers leave them out, and a
            // message should name the line a person sees in an editor.
            CommentHandler = new Action<string>(_ => comments++),
        };
        using var reader = CsvDataReader.Create(new StreamReader(path, detectEncodingFromByteOrderMarks: true), options);
        while (Next(reader, path, comments))
        {
            var values = new string[reader.RowFieldCount];
            for (var i = 0; i < values.Length; i++)
                values[i] = Unneutralise(reader.GetString(i).Trim());
            if (values.All(v => v.Length == 0))
                continue;
            yield return new CsvLine(path, reader.RowNumber + comments, values);
        }
    }

    // A malformed file is the user's input error (exit 2) naming where it is, not a crash; a method of its own
    // because an iterator cannot yield inside a try with a catch.
    private static bool Next(CsvDataReader reader, string path, int comments)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException ex)
        {
            throw new FormatException($"{System.IO.Path.GetFileName(path)}:{ex.RowNumber + comments}: malformed CSV ({ex.Message}); quote a field holding the delimiter, a quote or a line break, and double its quotes.", ex);
        }
    }

    /// <summary>
    /// The delimiter of the first line with content: the candidate it holds most outside quotes, as today's readers
    /// (and Sylvan's own detection) do; looked for past comment lines, which Sylvan's detection would count.
    /// </summary>
    private static char DetectDelimiter(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var content = line.Trim();
            if (content.Length == 0 || content[0] == Comment)
                continue;
            var counts = new int[Delimiters.Length];
            var quoted = false;
            foreach (var c in content)
            {
                if (c == '"')
                    quoted = !quoted;
                else if (!quoted && Array.IndexOf(Delimiters, c) is >= 0 and var index)
                    counts[index]++;
            }
            var best = 0;
            for (var i = 1; i < counts.Length; i++)
            {
                if (counts[i] > counts[best])
                    best = i;
            }
            return Delimiters[best];
        }
        return Delimiters[0];
    }

    /// <summary><c>'+15018902005</c> (a number as notify writes it) is <c>+15018902005</c>; anything else is as it is.</summary>
    private static string Unneutralise(string value)
        => value.Length > 2 && value[0] == '\'' && value[1] == '+' && value.AsSpan(2).ContainsAnyExceptInRange('0', '9') is false ? value[1..] : value;
}
