namespace Contracts.Cli.Input;

/// <summary>One row of a <see cref="CsvInput"/> file: where it is, and its fields, trimmed and unquoted.</summary>
/// <param name="Path">The file.</param>
/// <param name="Row">
/// The row's 1-based number in the file, comment and blank lines counted: the line number, unless a quoted field
/// above it spans lines.
/// </param>
/// <param name="Values">The row's fields, in file order.</param>
internal sealed record CsvLine(string Path, int Row, IReadOnlyList<string> Values)
{
    /// <summary>"file:row", for messages.</summary>
    public string Where => $"{System.IO.Path.GetFileName(Path)}:{Row}";

    /// <summary>The field at <paramref name="index"/>, or "" when the row is shorter (a short row leaves its last columns empty).</summary>
    public string this[int index] => index >= 0 && index < Values.Count ? Values[index] : "";
}
