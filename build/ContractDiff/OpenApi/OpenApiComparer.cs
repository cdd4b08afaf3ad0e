using System.Text.Json;

namespace Contracts.ContractDiff.OpenApi;

/// <summary>
/// Compares two versions of an OpenAPI contract with redocly diff and classifies each change for a client SDK.
/// redocly rates changes as a server's API consumers see them (major = breaking); that is right for most changes
/// (a removed or no-longer-required response field, a newly required request field, a renamed operationId or path)
/// and is kept. It is corrected where a generated client breaks although the wire would not:
/// <list type="bullet">
/// <item>a request field removed: redocly counts it only when the schema forbids unknown properties, but the
/// regenerated model loses the property, so code that sets it no longer compiles;</item>
/// <item>enum values removed from a response: redocly sees a narrower answer, but the generated enum loses the
/// member, so code that names it no longer compiles.</item>
/// </list>
/// Changes to descriptions, summaries, examples and tags (which group operations in documentation; the clients are
/// generated from operationIds) are counted, not listed.
/// </summary>
internal sealed class OpenApiComparer(RedoclyDiff redocly)
{
    private static readonly HashSet<string> DocumentationKeywords = new(StringComparer.Ordinal)
    {
        "description", "summary", "example", "examples", "externalDocs", "tags",
    };

    private static readonly HashSet<string> DocumentationTypes = new(StringComparer.Ordinal)
    {
        "Example", "ExamplesMap", "ExternalDocs", "TagList", "Tag",
    };

    public ContractComparison Compare(string contract, string basePath, string revisionPath)
    {
        var changes = redocly.Compare(basePath, revisionPath, contract);
        var baseDocument = OpenApiDocument.Load(basePath);
        var revisionDocument = OpenApiDocument.Load(revisionPath);

        var classified = new List<ContractChange>();
        var documentation = 0;
        foreach (var change in changes)
        {
            if (IsDocumentation(change))
            {
                documentation++;
                continue;
            }
            // A removed thing is found in the base version; anything else in the new one first.
            var (first, second) = change.Kind == "removed" ? (baseDocument, revisionDocument) : (revisionDocument, baseDocument);
            classified.Add(Classify(contract, change, segments => first.Scalar(segments) ?? second.Scalar(segments)));
        }
        return new ContractComparison(contract, [.. classified.OrderBy(c => c.IsBreaking ? 0 : 1)], documentation);
    }

    private static bool IsDocumentation(RedoclyChange change)
        => !change.IsMajor
           && (DocumentationTypes.Contains(change.TypeName)
               || (change.Kind == "modified" && change.Property is { } property && DocumentationKeywords.Contains(property)));

    private static ContractChange Classify(string contract, RedoclyChange change, Func<IReadOnlyList<string>, string?> scalar)
    {
        var subject = OpenApiSubject.Describe(change.Path, scalar);
        var (breaking, why, description) = Correction(change) ?? (
            change.IsMajor,
            change.IsMajor ? RedoclyRules.Explain(change.Verdicts.Select(v => v.RuleId)) : $"redocly rates it {change.Impact}",
            change.Verdicts.Count > 0 ? string.Join(" ", change.Verdicts.Select(v => v.Message)) : Describe(change));

        var identity = string.Join("|", "openapi", change.Kind, change.Property, change.Base?.Pointer, change.Revision?.Pointer)
                       + (change.Kind == "modified" ? $"|{change.Base?.Value}|{change.Revision?.Value}" : "");
        return new ContractChange(contract, KindOf(change), subject, description, breaking, why, Location(change), identity);
    }

    /// <summary>Where redocly is wrong for a generated client (see the class summary), the classification that is right.</summary>
    private static (bool Breaking, string Why, string Description)? Correction(RedoclyChange change)
    {
        if (change.IsMajor)
            return null;
        var segments = JsonPointer.Decode(change.Path);
        if (change.Kind == "removed" && change.TypeName == "Schema" && segments.Count >= 2 && segments[^2] == "properties")
        {
            return (true,
                $"a field the client sends was removed: code that sets it no longer compiles against the regenerated model, and clients already deployed still send it (redocly rates it {change.Impact}: it counts only removals the server would refuse)",
                Describe(change));
        }
        if (RemovedEnumValues(change) is { Count: > 0 } values)
        {
            return (true,
                $"the generated enum loses these members, so code that names them no longer compiles (redocly rates it {change.Impact}: a narrower answer is safe on the wire)",
                $"Enum lost values: {string.Join(", ", values.Select(v => $"'{v}'"))}.");
        }
        return null;
    }

    /// <summary>The values an enum change drops, or null when the change is not to an enum.</summary>
    private static List<string>? RemovedEnumValues(RedoclyChange change)
    {
        if (change.Kind != "modified" || change.Property != "enum" || change.Base?.Value is not { } before || change.Revision?.Value is not { } after)
            return null;
        var kept = Values(after).ToHashSet(StringComparer.Ordinal);
        return Values(before).Where(v => !kept.Contains(v)).ToList();

        static IEnumerable<string> Values(string json)
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Select(v => v.ToString()).ToList()
                : [];
        }
    }

    private static string Describe(RedoclyChange change) => change.Kind switch
    {
        "added" => $"{Noun(change)} was added.",
        "removed" => $"{Noun(change)} was removed.",
        _ when change.Property == "key" => $"Renamed from {Shorten(change.Base?.Value)} to {Shorten(change.Revision?.Value)}.",
        _ => $"`{change.Property}` changed from {Shorten(change.Base?.Value)} to {Shorten(change.Revision?.Value)}.",
    };

    /// <summary>What was added or removed: "Property `tag`" for a schema property, else redocly's node type in words ("Path item").</summary>
    private static string Noun(RedoclyChange change)
    {
        var segments = JsonPointer.Decode(change.Path);
        if (change.TypeName == "Schema" && segments.Count >= 2 && segments[^2] == "properties")
            return $"Property `{segments[^1]}`";
        var words = string.Concat(change.TypeName.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
        return words.Length == 0 ? "It" : words;
    }

    private static string Shorten(string? json)
    {
        const int MaxLength = 100;
        if (json is null)
            return "(unset)";
        return json.Length <= MaxLength ? json : json[..MaxLength] + "…";
    }

    private static ChangeKind KindOf(RedoclyChange change) => change.Kind switch
    {
        "added" => ChangeKind.Added,
        "removed" => ChangeKind.Removed,
        _ => ChangeKind.Changed,
    };

    /// <summary>The line in the new version (or the base, for what was removed), and the definition's pointer when it is a shared component.</summary>
    private static string? Location(RedoclyChange change)
    {
        var (side, where) = change.Revision is { Line: not null } ? (change.Revision, "line") : (change.Base, "base line");
        if (side is null)
            return null;
        var line = side.Line is { } number ? $"{where} {number}" : null;
        var pointer = side.Pointer is { } p && p.StartsWith("#/components/", StringComparison.Ordinal) ? p : null;
        return line is null ? pointer : pointer is null ? line : $"{line}, {pointer}";
    }
}
