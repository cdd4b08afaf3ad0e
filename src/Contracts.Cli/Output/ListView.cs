using System.Collections;
using System.Globalization;
using Spectre.Console;

namespace Contracts.Cli.Output;

/// <summary>One column of a list: its name (the table's and the TSV's header, the JSON property) and how to read it from an item.</summary>
internal sealed record ListColumn<T>(string Name, Func<T, object?> Value);

/// <summary>
/// The one way every list command prints, with the same columns in each form: a table on a terminal; TSV with a
/// header line when the output is a pipe or a file (one row per line as items arrive, tabs and line breaks in values
/// turned into spaces); a JSON array of objects, one per item, with --json. Counts and notes go to standard error.
/// </summary>
internal sealed class ListView<T>
{
    private readonly CommandContext _context;
    private readonly ListColumn<T>[] _columns;
    private readonly JsonArrayWriter? _json;
    private readonly Table? _table;

    /// <summary>Starts the list: opens the JSON array or writes the TSV header; a table is drawn by <see cref="Complete"/>.</summary>
    public ListView(CommandContext context, string title, params ListColumn<T>[] columns)
    {
        _context = context;
        _columns = columns;
        if (context.Json)
            _json = new JsonArrayWriter(context.Output, indent: "  ");
        else if (context.Interactive)
            _table = new Table().Title(Markup.Escape(title)).AddColumns(columns.Select(c => new TableColumn(c.Name)).ToArray());
        else
            context.Output.WriteLine(string.Join('\t', columns.Select(c => c.Name)));
    }

    /// <summary>Items listed so far.</summary>
    public long Count { get; private set; }

    /// <summary>Lists one item (a table keeps it until <see cref="Complete"/>; the other forms write it now).</summary>
    public void Add(T item)
    {
        Count++;
        if (_json is not null)
            _json.Add(_columns.ToDictionary(c => c.Name, c => c.Value(item)));
        else if (_table is not null)
            _table.AddRow(_columns.Select(c => new Text(Format(c.Value(item)))).ToArray());
        else
            _context.Output.WriteLine(string.Join('\t', _columns.Select(c => Tsv(Format(c.Value(item))))));
    }

    /// <summary>
    /// Ends the list: closes the JSON array or draws the table, and notes <paramref name="summary"/> on standard error.
    /// Called on failure too, so that a list that breaks on a later page still leaves valid JSON with what was read.
    /// </summary>
    public void Complete(string summary)
    {
        if (_json is not null)
        {
            _json.Close();
            _context.Output.WriteLine();
        }
        else if (_table is not null)
        {
            _context.Console.Write(_table);
        }
        _context.Note(summary);
    }

    /// <summary>The same text for a table cell and a TSV cell: lists joined with ", ", dates in ISO 8601, nothing for null.</summary>
    private static string Format(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTimeOffset moment => moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        DateTime moment => moment.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Format)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // TSV has no quoting: a tab or a line break inside a value would split it; a space keeps the row whole.
    private static string Tsv(string cell) => cell.ReplaceLineEndings(" ").Replace('\t', ' ');
}
