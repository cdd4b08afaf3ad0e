namespace Contracts.Accengage;

/// <summary>
/// One device of the CSV device list: its values by column name, as the header line of the page named them (the
/// fields requested, or the app's device fields). Column names are matched case-insensitively.
/// </summary>
public sealed class DeviceRow
{
    /// <summary>Creates a row from the page's column names and the row's values, in column order.</summary>
    public DeviceRow(IReadOnlyList<string> columns, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        Columns = columns;
        Values = values;
        var fields = new Dictionary<string, string>(columns.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count && i < values.Count; i++)
            fields[columns[i]] = values[i];
        Fields = fields;
    }

    /// <summary>The column names of the page, from its header line.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The row's values in column order; a row longer than the header keeps its extra values here only.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The row's values by column name.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>The value of <paramref name="column"/>, or null when the page has no such column.</summary>
    public string? this[string column] => Fields.TryGetValue(column, out var value) ? value : null;

    /// <summary>The device's UDID, when the page has a UDID column.</summary>
    public string? Udid => this["UDID"];

    /// <inheritdoc />
    public override string ToString() => string.Join(';', Values);
}
