using System.Text;

namespace Contracts.WsdlGenerator.Emit;

/// <summary>Builds C# text with four-space indentation and LF line ends, whatever the machine.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    /// <summary>Documentation lines are wrapped to fit this width.</summary>
    private const int MaxWidth = 120;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0)
            _text.Append(' ', _indent * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    public CodeWriter Open(string line)
    {
        Line(line).Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>An XML doc element on one or more lines, the text escaped and wrapped.</summary>
    /// <param name="tag">summary, remarks, param, returns.</param>
    /// <param name="text">Plain text (escaped here), or XML doc markup when <paramref name="raw"/> is true.</param>
    /// <param name="attributes">Attributes of the tag, e.g. name="x".</param>
    /// <param name="raw">The text already is XML doc markup (holds see or paramref elements).</param>
    public CodeWriter Doc(string tag, string? text, string attributes = "", bool raw = false)
    {
        if (string.IsNullOrWhiteSpace(text))
            return this;
        var open = attributes.Length == 0 ? $"<{tag}>" : $"<{tag} {attributes}>";
        var body = raw ? text : DocComments.Escape(text);
        var oneLine = $"/// {open}{body}</{tag}>";
        if (!body.Contains('\n', StringComparison.Ordinal) && _indent * 4 + oneLine.Length <= MaxWidth)
            return Line(oneLine);
        // The tags wrap with the text, so a long text costs no lines of its own for them.
        foreach (var line in DocComments.Wrap($"{open}{body}</{tag}>", MaxWidth - 4 - _indent * 4))
            Line("/// " + line);
        return this;
    }

    public override string ToString() => _text.ToString();
}
