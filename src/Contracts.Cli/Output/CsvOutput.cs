using System.Data;
using Sylvan.Data.Csv;

namespace Contracts.Cli.Output;

/// <summary>
/// The one CSV writer behind every file notify writes (<c>--failures</c>, <c>--outcomes</c>), through Sylvan's
/// <see cref="CsvDataWriter"/>, row by row as results stream in. Two guarantees, because the text comes from outside
/// (vendor reasons, error codes, request IDs, the input file's values): quoting (RFC 4180) makes a row impossible to
/// break, whatever commas, quotes or line breaks a cell holds; and every cell is <see cref="Neutralise">neutralised</see>
/// against formula injection before a spreadsheet opens the file.
/// </summary>
internal sealed class CsvOutput : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly CsvDataWriter _csv;
    private readonly DataTable _rows = new();

    /// <summary>Creates <paramref name="path"/> (replacing it) and writes the header.</summary>
    public CsvOutput(string path, params string[] columns)
    {
        _writer = new StreamWriter(path);
        // Headers are written as the first row, not by Sylvan, which would repeat them for every batch of rows.
        _csv = CsvDataWriter.Create(_writer, new CsvDataWriterOptions { WriteHeaders = false });
        foreach (var column in columns)
            _rows.Columns.Add(column, typeof(string));
        Write(columns);
    }

    /// <summary>Writes one row, each cell neutralised; null cells are empty.</summary>
    /// <exception cref="ArgumentException">The row has not one cell per column.</exception>
    public void Add(params string?[] cells)
    {
        if (cells.Length != _rows.Columns.Count)
            throw new ArgumentException($"A row has {_rows.Columns.Count} cells; this one has {cells.Length}.", nameof(cells));
        Write(cells.Select(cell => Neutralise(cell ?? "")).ToArray());
    }

    /// <summary>
    /// <paramref name="cell"/>, safe to open in a spreadsheet: a cell starting with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, tab or carriage return (what Excel, LibreOffice and Google Sheets read as the start of a formula) is
    /// prefixed with a single quote, as OWASP advises against CSV injection. Phone numbers are no exception:
    /// <c>+15018902005</c> is written <c>'+15018902005</c>, which a spreadsheet shows as text (keeping the '+' it would
    /// otherwise drop) and which notify's own readers read back as the number.
    /// </summary>
    public static string Neutralise(string cell)
        => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        _rows.Dispose();
    }

    // Sylvan writes from a data reader: a one-row table is the row, and flushing after it keeps the file whole up to
    // the last result even if the run is killed.
    private void Write(string[] cells)
    {
        _rows.Rows.Clear();
        _rows.Rows.Add(cells);
        _csv.Write(_rows.CreateDataReader());
        _writer.Flush();
    }
}
