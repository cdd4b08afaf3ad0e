using System.Text.RegularExpressions;

namespace Contracts.Docs.Tests;

/// <summary>
/// One <c>```csharp</c> block of a Markdown document, with the context its fragment needs.
/// </summary>
/// <remarks>
/// The convention (written in README.md, "Documentation that compiles"): a block is a program of top-level statements
/// that states its own <c>using</c> directives; .NET's implicit usings are there as in any project. A fragment that
/// uses names it does not declare (a client made in an earlier block, the destinations a reader has) declares them
/// in an HTML comment right above the block, <c>&lt;!-- snippet-context: ... --&gt;</c>, which readers do not see:
/// its <c>using</c> lines join the block's directives, the rest goes before the block's statements.
/// </remarks>
public sealed partial record MarkdownSnippet(string Document, int Line, string Code, string Context)
{
    /// <summary>Every C# block of <paramref name="markdown"/>, named after <paramref name="document"/>.</summary>
    public static IEnumerable<MarkdownSnippet> Read(string document, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
                continue;
            var context = ContextAbove(lines, i);
            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].Trim() != "```")
                end++;
            yield return new MarkdownSnippet(document, start + 1, string.Join('\n', lines[start..end]), context);
            i = end;
        }
    }

    /// <summary>The program the block is compiled as: directives first, then the context, then the statements.</summary>
    public string Program()
    {
        var all = (Context + "\n" + Code).Split('\n');
        var directives = all.Where(l => UsingDirective().IsMatch(l)).Distinct();
        var context = Context.Split('\n').Where(l => !UsingDirective().IsMatch(l));
        var statements = Code.Split('\n').Where(l => !UsingDirective().IsMatch(l));
        return string.Join('\n', directives.Concat(context).Concat(statements));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Document}:{Line}";

    private static string ContextAbove(string[] lines, int fence)
    {
        // The comment ends on the line above the fence (blank lines between are allowed).
        var end = fence - 1;
        while (end >= 0 && lines[end].Trim().Length == 0)
            end--;
        if (end < 0 || !lines[end].TrimEnd().EndsWith("-->", StringComparison.Ordinal))
            return "";
        var start = end;
        while (start >= 0 && !lines[start].Contains("<!--", StringComparison.Ordinal))
            start--;
        if (start < 0)
            return "";
        var comment = string.Join('\n', lines[start..(end + 1)]);
        var match = ContextComment().Match(comment);
        return match.Success ? match.Groups["code"].Value.Trim() : "";
    }

    [GeneratedRegex(@"^\s*using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[\w.<>]+)?\s*;\s*(//.*)?$")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"<!--\s*snippet-context:(?<code>.*?)-->", RegexOptions.Singleline)]
    private static partial Regex ContextComment();
}
