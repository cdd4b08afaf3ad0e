using System.Runtime.CompilerServices;
using System.Text;
using Sylvan.Data.Csv;

namespace Contracts.Accengage;

/// <summary>
/// Streams the rows of one page of the CSV device list (semicolon-separated, RFC 4180 quoting) straight from the
/// answer's body: a row is handed out as soon as it has arrived, so a page of 10,000 devices is never held in memory
/// at once.
/// </summary>
/// <remarks>
/// The document says only "CSV body": whether a page starts with a header line is not stated. The first line is a
/// header when it names every field requested, or (no fields requested) holds a <c>UDID</c> cell, the one field every
/// device has; otherwise it is the first device, and the columns are the fields requested (or <c>column1</c>,
/// <c>column2</c>, ... when none were), so no device is lost.
/// </remarks>
internal static class DeviceCsvReader
{
    private static readonly CsvDataReaderOptions Options = new()
    {
        Delimiter = ';',
        HasHeaders = false,
    };

    /// <summary>Reads the rows of <paramref name="page"/> and disposes it (and its connection) when done or abandoned.</summary>
    /// <param name="page">The answer.</param>
    /// <param name="requestedFields">The fields asked for, in order, or null for the app's device fields.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async IAsyncEnumerable<DeviceRow> ReadAsync(FileResponse page, IReadOnlyList<string>? requestedFields, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using (page)
        {
            using var text = new StreamReader(page.Stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var csv = await CsvDataReader.CreateAsync(text, Options, cancellationToken).ConfigureAwait(false);
            await using (csv.ConfigureAwait(false))
            {
                // An empty body: no device matched.
                if (!await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
                    yield break;
                var first = ValuesOf(csv);
                string[] columns;
                if (IsHeader(first, requestedFields))
                {
                    columns = first;
                }
                else
                {
                    columns = requestedFields is { Count: > 0 } && requestedFields.Count == first.Length
                        ? [.. requestedFields]
                        : [.. Enumerable.Range(1, first.Length).Select(i => $"column{i}")];
                    yield return new DeviceRow(columns, first);
                }

                while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
                    yield return new DeviceRow(columns, ValuesOf(csv));
            }
        }
    }

    /// <summary>Whether the first line of a page names its columns rather than describing a device.</summary>
    internal static bool IsHeader(IReadOnlyList<string> firstLine, IReadOnlyList<string>? requestedFields)
    {
        if (requestedFields is { Count: > 0 })
            return requestedFields.All(field => firstLine.Contains(field, StringComparer.OrdinalIgnoreCase));
        return firstLine.Contains("UDID", StringComparer.OrdinalIgnoreCase);
    }

    private static string[] ValuesOf(CsvDataReader csv)
    {
        var values = new string[csv.RowFieldCount];
        for (var i = 0; i < values.Length; i++)
            values[i] = csv.GetString(i);
        return values;
    }
}
