using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Contracts.Docs.Tests;

/// <summary>
/// Every log event the SDK defines (a <see cref="LoggerMessageAttribute"/> in any package) is a row of README.md's
/// "Log events" table, with its id and level: operators filter on them, so none may go unlisted.
/// </summary>
public sealed partial class LogEventDocumentationTests
{
    private static readonly Assembly[] Packages =
    [
        typeof(Core.VendorApiException).Assembly,
        typeof(Engage.EngageClient).Assembly,
        typeof(Ogangi.OgangiClient).Assembly,
        typeof(Accengage.AccengageClient).Assembly,
        typeof(Onc.OncClient).Assembly,
        typeof(Sandbox.SandboxServer).Assembly,
    ];

    [Fact]
    public void Every_event_id_defined_in_code_is_listed_with_its_level()
    {
        var defined = DefinedEvents();
        var listed = ListedEvents();

        Assert.NotEmpty(defined);
        var missing = defined.Where(e => !listed.Contains(e)).Select(e => $"{e.Id} {e.Level}").ToList();
        Assert.True(missing.Count == 0, "Log events missing from README.md's \"Log events\" table (id, level): " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_listed_event_id_exists_in_code()
    {
        var defined = DefinedEvents().Select(e => e.Id).ToHashSet();

        var stale = ListedEvents().Where(e => !defined.Contains(e.Id)).Select(e => e.Id).ToList();

        Assert.True(stale.Count == 0, "README.md lists log events no code defines: " + string.Join(", ", stale));
    }

    private static List<(int Id, LogLevel Level)> DefinedEvents()
        => Packages
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(method => method.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Select(attribute => (attribute.EventId, attribute.Level))
            .ToList();

    private static HashSet<(int Id, LogLevel Level)> ListedEvents()
    {
        var readme = File.ReadAllText(Path.Combine(DocumentedSnippets.DocumentsRoot, "README.md"));
        return EventRow().Matches(readme)
            .Select(row => (int.Parse(row.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), Enum.Parse<LogLevel>(row.Groups["level"].Value)))
            .ToHashSet();
    }

    /// <summary>A row of the table: <c>| 1001 | Information | Core | meaning |</c>.</summary>
    [GeneratedRegex(@"^\|\s*(?<id>\d{4})\s*\|\s*(?<level>Trace|Debug|Information|Warning|Error|Critical)\s*\|", RegexOptions.Multiline)]
    private static partial Regex EventRow();
}
