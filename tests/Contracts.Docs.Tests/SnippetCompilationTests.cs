using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.Docs.Tests;

/// <summary>
/// Every C# block of the READMEs compiles, as pasted into a console app that references the SDK's packages: a
/// renamed method, a missing using or a variable declared twice fails the build, not the reader.
/// </summary>
public sealed class SnippetCompilationTests
{
    /// <summary>What a new console or web project has in scope without a using (the SDK's implicit usings).</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList());

    [Fact]
    public void The_documents_have_csharp_blocks_and_every_package_readme_is_read()
    {
        var snippets = DocumentedSnippets.Read();
        Assert.Contains(snippets, s => s.Document == "README.md");
        foreach (var package in new[] { "Contracts.Core", "Contracts.Engage", "Contracts.Ogangi", "Contracts.Accengage", "Contracts.Onc", "Contracts.Sandbox" })
            Assert.Contains(snippets, s => s.Document == $"src/{package}/README.md");
    }

    [Theory]
    [MemberData(nameof(DocumentedSnippets.All), MemberType = typeof(DocumentedSnippets))]
    public void The_block_compiles(string snippet)
    {
        var block = DocumentedSnippets.Read().Single(s => s.ToString() == snippet);

        var errors = Compile(block.Program());

        Assert.True(errors.Count == 0, $"{block} does not compile:\n{string.Join('\n', errors)}\n\n{block.Program()}");
    }

    [Fact]
    public void A_block_that_does_not_compile_is_reported()
    {
        // The check itself can fail: the README's old "sent declared twice" would.
        var errors = Compile("var sent = 1;\nvar sent = 2;");

        Assert.Contains(errors, e => e.Contains("CS0128", StringComparison.Ordinal));
    }

    private static List<string> Compile(string program)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(ImplicitUsings, parse, path: "ImplicitUsings.cs"), CSharpSyntaxTree.ParseText(program, parse, path: "Snippet.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToList();
    }
}
