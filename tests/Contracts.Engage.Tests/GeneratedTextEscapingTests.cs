using System.Text.RegularExpressions;
using Contracts.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contracts.Engage.Tests;

/// <summary>
/// The contract's own words reach the generated C# in XML docs and in string literals. A scratch copy of ENGAGE's
/// contract whose texts carry quotes, backslashes, newlines, <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> must still
/// give a client that parses without a diagnostic (XML docs checked), with each text read back unchanged from the
/// docs and the literals: escaped where it lands, never able to end a comment or a string early.
/// </summary>
public sealed partial class GeneratedTextEscapingTests
{
    private static string Hostile(string site) => $"{site} said \"hi\" \\ C:\\dir & <b>bold</b> </summary> */\nsecond line of {site}";

    [Fact]
    public async Task Contract_texts_with_markup_quotes_backslashes_and_newlines_land_escaped()
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "contracts", "engage", "engage.openapi.yaml"));
        var changed = Replace(yaml, "  vendor-name: ENGAGE\n", $"  vendor-name: {Quoted(Hostile("vendor"))}\n  registration-remarks: {Quoted(Hostile("remarks"))}\n");
        changed = Replace(changed, "  tokens: >-\n", $"  tokens: {Quoted(Hostile("tokens"))}\n  tokens-were: >-\n");
        changed = Replace(changed, "    token-lifetime-source: tokens are valid for 15 minutes\n", $"    token-lifetime-source: {Quoted(Hostile("lifetime"))}\n");
        changed = Replace(changed, "        description: United States\n      - name: International", $"        description: {Quoted(Hostile("region"))}\n      - name: International");
        changed = Replace(changed, "        summary: Pushes the program to any number of destinations\n", $"        summary: {Quoted(Hostile("summary"))}\n");
        changed = Replace(changed, "        shared-is: What every request of the batch shares (the program, the aNumbers or their group, the TTL).\n", $"        shared-is: {Quoted(Hostile("shared"))}\n");
        changed = Replace(changed, "          why: >-\n            Destinations per push request", $"          why: {Quoted(Hostile("chunk"))}\n          why-was: >-\n            Destinations per push request");
        changed = Replace(changed, "          description: Federated client identifier provided by First Orion.\n", $"          description: {Quoted(Hostile("credential"))}\n");

        var generated = await GeneratedCheckTests.GenerateAsync(changed);
        var tree = CSharpSyntaxTree.ParseText(generated, new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose));

        Assert.Empty(tree.GetDiagnostics().Select(d => d.ToString()));
        var docs = DocTexts(tree.GetRoot());
        foreach (var site in new[] { "vendor", "remarks", "tokens", "lifetime", "region", "summary", "shared", "chunk", "credential" })
            Assert.Contains(docs, doc => doc.Contains(Collapsed(Hostile(site)), StringComparison.Ordinal));

        var literals = tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)).Select(l => l.Token.ValueText).ToList();
        Assert.Equal(2, literals.Count(l => l == Hostile("vendor"))); // the options' VendorName and the batch's Vendor
        var phrase = Collapsed(Hostile("credential"));
        Assert.Contains(char.ToLowerInvariant(phrase[0]) + phrase[1..], literals); // the required credential's message
    }

    [Fact]
    public async Task A_declared_failures_text_holding_the_templates_separators_lands_whole()
    {
        // The template keys each declared failure by "status^^type^^text" and lists them split on '|': a contract text
        // holding either must still be one failure, with its text whole.
        const string Text = "Refused | see the docs ^^ \"quoted\" \\ path";
        var yaml = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "contracts", "engage", "engage.openapi.yaml"));
        var changed = Replace(yaml, "          description: The program is not correctly configured, or neither aNumbers nor an aNumber Group ID was sent.\n", $"          description: {Quoted(Text)}\n");

        var generated = await GeneratedCheckTests.GenerateAsync(changed);
        var tree = CSharpSyntaxTree.ParseText(generated, new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose));

        Assert.Empty(tree.GetDiagnostics().Select(d => d.ToString()));
        var failures = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(call => call.Expression.ToString() == "DeclaredFailure.Of").Select(call => call.ArgumentList.Arguments).ToList();
        Assert.Equal(3, failures.Count);
        var refused = Assert.Single(failures, arguments => arguments[0].ToString() == "400");
        Assert.Equal(Text, Assert.IsType<LiteralExpressionSyntax>(refused[1].Expression).Token.ValueText);
    }

    [Fact]
    public async Task A_known_value_with_a_quote_and_a_backslash_lands_escaped_in_every_literal()
    {
        // Ogangi's contract is the one whose known values become an enum read by a switch on the text.
        const string Value = "BAD \"SIG\" \\";
        var yaml = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "contracts", "ogangi", "ogangi.openapi.yaml"));
        var changed = Replace(yaml, "          x-known-values: [OK, BAD_SIGNATURE, ERROR]\n", $"          x-known-values: [OK, {Quoted(Value)}, ERROR]\n");

        var generated = await GeneratedCheckTests.GenerateAsync(changed);
        var tree = CSharpSyntaxTree.ParseText(generated, new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose));

        Assert.Empty(tree.GetDiagnostics().Select(d => d.ToString()));
        var literals = tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)).Select(l => l.Token.ValueText).ToList();
        Assert.Contains(Value, literals);
        Assert.DoesNotContain("BAD_SIGNATURE", literals);
    }

    [Fact]
    public async Task A_property_name_with_quotes_and_backslashes_and_a_pattern_with_a_newline_too_land_escaped_and_the_pattern_means_the_same()
    {
        // A JSON name and a pattern land in string literals: the attribute naming the field, the generated check's
        // field name and pattern text, and the [GeneratedRegex] (the contract's final $ made \z). This pattern means:
        // say, a quoted lower-case word, a backslash, digits, a line break, end. (The name holds no line break: NSwag's
        // own YAML reader refuses one in a property name, before any template runs.)
        const string Name = "track \"id\" \\ C:\\dir";
        const string Pattern = "^say \"[a-z]+\" \\\\ \\d+\nend$";
        var yaml = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "contracts", "engage", "engage.openapi.yaml"));
        var changed = Replace(yaml, "        customTrackingId:\n          type: string\n", $"        {Quoted(Name)}:\n          type: string\n          pattern: {Quoted(Pattern)}\n");

        var generated = await GeneratedCheckTests.GenerateAsync(changed);
        var tree = CSharpSyntaxTree.ParseText(generated, new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose));

        Assert.Empty(tree.GetDiagnostics().Select(d => d.ToString()));
        var attributes = tree.GetRoot().DescendantNodes().OfType<AttributeSyntax>().ToList();
        Assert.Contains(attributes, a => a.Name.ToString() == "JsonPropertyName" && FirstText(a.ArgumentList!.Arguments) == Name);
        var check = Assert.Single(tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>(), call => call.Expression.ToString() == "problems.Pattern").ArgumentList.Arguments;
        Assert.Equal(Name, FirstText(check));
        Assert.Equal(Pattern, Assert.IsType<LiteralExpressionSyntax>(check[^1].Expression).Token.ValueText);

        var generatedRegex = Assert.Single(attributes, a => a.Name.ToString() == "GeneratedRegex");
        var regex = new Regex(FirstText(generatedRegex.ArgumentList!.Arguments));
        Assert.Matches(regex, "say \"abc\" \\ 12\nend");
        Assert.DoesNotMatch(regex, "say \"abc\" \\ 12\nend\n"); // $ became \z: no line break after the end
        Assert.DoesNotMatch(regex, "say abc \\ 12\nend"); // the quotes are part of the pattern
        Assert.DoesNotMatch(regex, "say \"abc\" 12\nend"); // so is the backslash
        Assert.DoesNotMatch(regex, "say \"abc\" \\ 12 end"); // and the line break
    }

    private static string FirstText(SeparatedSyntaxList<AttributeArgumentSyntax> arguments)
        => Assert.IsType<LiteralExpressionSyntax>(arguments[0].Expression).Token.ValueText;

    private static string FirstText(SeparatedSyntaxList<ArgumentSyntax> arguments)
        => Assert.IsType<LiteralExpressionSyntax>(arguments[0].Expression).Token.ValueText;

    [Fact]
    public async Task The_committed_client_parses_without_a_diagnostic()
    {
        var committed = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "generated", "Engage", "EngageClient.g.cs"));

        Assert.Empty(CSharpSyntaxTree.ParseText(committed, new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose)).GetDiagnostics());
    }

    /// <summary>Each XML doc comment's text as a reader gets it: entities decoded, elements and line breaks as spaces.</summary>
    private static List<string> DocTexts(SyntaxNode root)
        => root.DescendantTrivia()
            .Select(t => t.GetStructure())
            .OfType<DocumentationCommentTriviaSyntax>()
            .Select(doc => Collapsed(string.Concat(doc.DescendantTokens(descendIntoTrivia: true)
                .Where(t => t.IsKind(SyntaxKind.XmlTextLiteralToken) || t.IsKind(SyntaxKind.XmlEntityLiteralToken) || t.IsKind(SyntaxKind.XmlTextLiteralNewLineToken))
                .Select(t => t.IsKind(SyntaxKind.XmlTextLiteralNewLineToken) ? " " : t.ValueText))))
            .ToList();

    // A line break in a contract text is a space to a reader of the docs.
    private static string Collapsed(string text) => Spaces().Replace(text.Replace("\n", " ", StringComparison.Ordinal), " ").Trim();

    /// <summary>A YAML double-quoted scalar holding <paramref name="text"/> exactly.</summary>
    private static string Quoted(string text)
        => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Contains(old, text, StringComparison.Ordinal); // the contract still reads as this test expects
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
