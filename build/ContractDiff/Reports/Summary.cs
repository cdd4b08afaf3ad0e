using System.Globalization;

namespace Contracts.ContractDiff.Reports;

/// <summary>Wording both reports share.</summary>
internal static class Summary
{
    /// <summary>"2 breaking (1 acknowledged), 1 not breaking, 3 documentation changes (...)", or "no change".</summary>
    public static string Of(ContractComparison comparison, Acknowledgements acknowledgements)
    {
        if (comparison.IsUnchanged)
            return "no change";
        var breaking = comparison.Changes.Count(c => c.IsBreaking);
        var acknowledged = comparison.Changes.Count(c => c.IsBreaking && acknowledgements.For(c) is not null);
        var parts = new List<string>();
        if (breaking > 0)
            parts.Add(acknowledged > 0 ? $"{breaking} breaking ({acknowledged} acknowledged)" : $"{breaking} breaking");
        if (comparison.Changes.Count > breaking)
            parts.Add($"{comparison.Changes.Count - breaking} not breaking");
        if (comparison.DocumentationChanges > 0)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{comparison.DocumentationChanges} documentation change{(comparison.DocumentationChanges == 1 ? "" : "s")} (descriptions, examples, tags)"));
        return string.Join(", ", parts);
    }

    public static string Kind(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        _ => "changed",
    };
}
