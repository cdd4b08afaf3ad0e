namespace Contracts.Cli.Output;

/// <summary>
/// Writes a JSON array to standard output one element at a time, as results arrive, so that a list of any length is
/// never held in memory: <c>[</c>, then one compact element per line, then <c>]</c>.
/// </summary>
internal sealed class JsonArrayWriter
{
    private readonly TextWriter _output;
    private readonly string _indent;
    private bool _empty = true;

    /// <summary>Opens the array; <paramref name="indent"/> is written before each element (when the array is a property of an object).</summary>
    public JsonArrayWriter(TextWriter output, string indent = "  ")
    {
        _output = output;
        _indent = indent;
        _output.Write('[');
    }

    public long Count { get; private set; }

    public void Add(object element)
    {
        _output.Write(_empty ? "\n" : ",\n");
        _output.Write(_indent);
        _output.Write(CommandContext.Serialize(element, indented: false));
        _empty = false;
        Count++;
    }

    /// <summary>Closes the array (a newline before <c>]</c> when it has elements).</summary>
    public void Close() => _output.Write(_empty ? "]" : "\n" + _indent[..Math.Max(0, _indent.Length - 2)] + "]");
}
