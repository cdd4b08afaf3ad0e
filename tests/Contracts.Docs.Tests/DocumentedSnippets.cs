namespace Contracts.Docs.Tests;

/// <summary>The Markdown documents whose C# blocks must compile: README.md and every package's README.</summary>
public static class DocumentedSnippets
{
    /// <summary>Where the build copied the documents (the test project links them into its output).</summary>
    public static string DocumentsRoot => Path.Combine(AppContext.BaseDirectory, "docs");

    /// <summary>Every documented C# block, as xunit theory data.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var snippet in Read())
            data.Add(snippet.ToString());
        return data;
    }

    /// <summary>Every documented C# block.</summary>
    public static IReadOnlyList<MarkdownSnippet> Read()
        => Documents()
            .SelectMany(path => MarkdownSnippet.Read(Path.GetRelativePath(DocumentsRoot, path).Replace('\\', '/'), File.ReadAllText(path)))
            .ToList();

    /// <summary>README.md and src/*/README.md.</summary>
    public static IEnumerable<string> Documents()
        => new[] { Path.Combine(DocumentsRoot, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(DocumentsRoot, "src"), "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
}
