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
/// <remarks>
/// A write that fails (a full disk) throws <see cref="OutputFileException"/>, naming the file; from then on every write
/// throws it again at once (no row is written after a lost one) and closing the file no longer throws.
/// </remarks>
internal sealed class CsvOutput : IDisposable
{
    /// <summary>
    /// Wraps the stream each file is written through, by path: how tests make a file fail after some rows, since a
    /// full disk cannot be made on demand. Flows with the caller like <see cref="AsyncLocal{T}"/> does; null in use.
    /// </summary>
    internal static readonly AsyncLocal<Func<string, Stream, Stream>?> WriteThrough = new();

    private readonly string _path;
    private readonly FileStream _file;
    private readonly StreamWriter _writer;
    private readonly CsvDataWriter _csv;
    private readonly DataTable _rows = new();
    private OutputFileException? _failure;

    /// <summary>Creates <paramref name="path"/> (replacing it) and writes the header.</summary>
    public CsvOutput(string path, params string[] columns)
        : this(path, append: false, columns)
    {
    }

    /// <summary>
    /// Opens <paramref name="path"/>: replacing it, or, when <paramref name="append"/> is true, adding rows after
    /// those it has (the header is written only to a new or empty file; a last row cut short by a killed run is ended
    /// first, so that the rows added stay rows).
    /// </summary>
    public CsvOutput(string path, bool append, params string[] columns)
    {
        _path = path;
        var hasRows = append && File.Exists(path) && new FileInfo(path).Length > 0;
        if (hasRows)
            EndLastLine(path);
        _file = new FileStream(path, hasRows ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);
        _writer = new StreamWriter(WriteThrough.Value?.Invoke(path, _file) ?? _file);
        // Headers are written as the first row, not by Sylvan, which would repeat them for every batch of rows.
        _csv = CsvDataWriter.Create(_writer, new CsvDataWriterOptions { WriteHeaders = false });
        foreach (var column in columns)
            _rows.Columns.Add(column, typeof(string));
        if (!hasRows)
            Write(columns);
    }

    /// <summary>Whether a write failed: the file is incomplete, and every later write fails at once.</summary>
    public bool Failed => _failure is not null;

    /// <summary>Writes one row, each cell neutralised; null cells are empty.</summary>
    /// <exception cref="ArgumentException">The row has not one cell per column.</exception>
    public void Add(params string?[] cells) => AddRows([cells]);

    /// <summary>Writes rows (e.g. the items of one request) in one write, each cell neutralised; null cells are empty.</summary>
    /// <exception cref="ArgumentException">A row has not one cell per column.</exception>
    public void AddRows(IEnumerable<string?[]> rows)
    {
        _rows.Rows.Clear();
        foreach (var cells in rows)
        {
            if (cells.Length != _rows.Columns.Count)
                throw new ArgumentException($"A row has {_rows.Columns.Count} cells; this one has {cells.Length}.", nameof(rows));
            _rows.Rows.Add(cells.Select(cell => Neutralise(cell ?? "")).ToArray());
        }
        WriteRows();
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

    /// <summary>
    /// Makes every row written so far durable: on the disk, not only in the operating system's cache, so that it
    /// survives a power cut as well as a killed process (every row already survives a killed process).
    /// </summary>
    public void Sync() => Writing(() =>
    {
        _writer.Flush();
        _file.Flush(flushToDisk: true);
    });

    /// <summary>Flushes and closes the file; after a failed write, only closes it (the failure was reported then).</summary>
    public void Dispose()
    {
        try
        {
            _writer.Dispose();
        }
        catch (IOException) when (_failure is not null)
        {
            // The rows still buffered are the ones whose write failed: the caller already knows the file is incomplete.
        }
        finally
        {
            _file.Dispose();
            _rows.Dispose();
        }
    }

    private static void EndLastLine(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Seek(-1, SeekOrigin.End);
        if (file.ReadByte() != '\n')
            file.WriteByte((byte)'\n');
    }

    // Sylvan writes from a data reader: a table of the rows is the reader, and flushing after them keeps the file
    // whole up to the last result even if the run is killed.
    private void Write(string[] cells)
    {
        _rows.Rows.Clear();
        _rows.Rows.Add(cells);
        WriteRows();
    }

    private void WriteRows() => Writing(() =>
    {
        _csv.Write(_rows.CreateDataReader());
        _writer.Flush();
    });

    private void Writing(Action write)
    {
        if (_failure is not null)
            throw _failure;
        try
        {
            write();
        }
        catch (IOException ex)
        {
            _failure = new OutputFileException(_path, ex);
            throw _failure;
        }
    }
}
