using System.Runtime.CompilerServices;
using System.Text;
using Sylvan.Data.Csv;

namespace Contracts.Accengage;

/// <summary>
/// Streams the rows of one page of the CSV device list (semicolon-separated, a header line first, RFC 4180
/// quoting) straight from the answer's body: a row is handed out as soon as it has arrived, so a page of 10,000
/// devices is never held in memory at once.
/// </summary>
internal static class DeviceCsvReader
{
    private static readonly CsvDataReaderOptions Options = new()
    {
        Delimiter = ';',
        HasHeaders = true,
    };

    /// <summary>Reads the rows of <paramref name="page"/> and disposes it (and its connection) when done or abandoned.</summary>
    public static async IAsyncEnumerable<DeviceRow> ReadAsync(FileResponse page, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using (page)
        {
            using var text = new StreamReader(page.Stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            CsvDataReader csv;
            try
            {
                csv = await CsvDataReader.CreateAsync(text, Options, cancellationToken).ConfigureAwait(false);
            }
            catch (CsvMissingHeadersException)
            {
                // An empty body: no device matched.
                yield break;
            }
            await using (csv.ConfigureAwait(false))
            {
                var columns = new string[csv.FieldCount];
                for (var i = 0; i < columns.Length; i++)
                    columns[i] = csv.GetName(i);

                while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var values = new string[csv.RowFieldCount];
                    for (var i = 0; i < values.Length; i++)
                        values[i] = csv.GetString(i);
                    yield return new DeviceRow(columns, values);
                }
            }
        }
    }
}
