using System.Text;

namespace Contracts.WsdlGenerator.Emit;

/// <summary>XML documentation text: escaped, and wrapped at word boundaries so generated files stay readable.</summary>
internal static class DocComments
{
    public static string Escape(string text)
        => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>C# string literal content (for attribute arguments).</summary>
    public static string Literal(string text)
    {
        var result = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return result.Append('"').ToString();
    }

    /// <summary>Splits paragraphs on line feeds and wraps each at <paramref name="width"/> characters.</summary>
    public static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in Words(paragraph))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                if (line.Length > 0)
                    line.Append(' ');
                line.Append(word);
            }
            if (line.Length > 0)
                lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>Words of a paragraph, an XML doc element such as &lt;see cref="X"/&gt; kept whole so it is never split.</summary>
    private static IEnumerable<string> Words(string paragraph)
    {
        var pending = "";
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            pending = pending.Length == 0 ? word : pending + " " + word;
            var open = pending.LastIndexOf('<');
            if (open >= 0 && pending.IndexOf('>', open) < 0)
                continue;
            yield return pending;
            pending = "";
        }
        if (pending.Length > 0)
            yield return pending;
    }
}
