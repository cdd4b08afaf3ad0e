using System.Globalization;

namespace Contracts.ContractDiff.Reports;

/// <summary>The report for a terminal or a CI log: each contract's changes, breaking ones first, then the verdict and how to act on it.</summary>
internal static class TextReport
{
    public const string Tool = "build/contract-diff";

    public static void Write(ContractDiffReport report, TextWriter output)
    {
        output.WriteLine($"Contract changes against {report.BaseLabel}:");
        foreach (var comparison in report.Comparisons.Where(c => !c.IsUnchanged))
        {
            output.WriteLine();
            output.WriteLine($"{comparison.Contract}: {Summary.Of(comparison, report.Acknowledgements)}");
            foreach (var change in comparison.Changes)
                WriteChange(change, report.Acknowledgements.For(change), output);
        }
        var unchanged = report.Comparisons.Where(c => c.IsUnchanged).Select(c => c.Contract).ToList();
        if (unchanged.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Unchanged: {string.Join(", ", unchanged)}");
        }
        output.WriteLine();
        WriteVerdict(report, output);
    }

    private static void WriteChange(ContractChange change, Acknowledgement? acknowledgement, TextWriter output)
    {
        const string Indent = "                              ";
        var label = !change.IsBreaking ? "not breaking" : acknowledgement is null ? "BREAKING" : "acknowledged";
        var id = change.IsBreaking ? change.Id : "";
        output.WriteLine($"  {label,-12}  {id,-12}  {Summary.Kind(change.Kind),-7} {change.Subject}");
        output.WriteLine($"{Indent}{change.Description}");
        output.WriteLine($"{Indent}why: {change.Why}");
        if (change.Location is not null)
            output.WriteLine($"{Indent}where: {change.Location}");
        if (acknowledgement is not null)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Indent}acknowledged (line {acknowledgement.Line}): {acknowledgement.Reason}"));
    }

    private static void WriteVerdict(ContractDiffReport report, TextWriter output)
    {
        var unacknowledged = report.Unacknowledged;
        var breaking = report.Changes.Count(c => c.IsBreaking);
        var stale = report.Stale;
        if (stale.Count > 0)
        {
            output.WriteLine($"{Tool}: warning: {Count(stale.Count, "acknowledgement")} in {report.Acknowledgements.Path} {(stale.Count == 1 ? "matches" : "match")} no breaking change (stale: the change is already in the base, or was edited since and has a new id). Remove:");
            foreach (var entry in stale)
                output.WriteLine($"  line {entry.Line}: {entry.Id} {entry.Contract} {entry.Reason}");
            output.WriteLine();
        }
        if (unacknowledged.Count == 0)
        {
            output.WriteLine(breaking == 0
                ? $"{Tool}: passed: no breaking change."
                : $"{Tool}: passed: {Count(breaking, "breaking change")}, every one acknowledged in {report.Acknowledgements.Path}.");
            return;
        }
        output.WriteLine($"{Tool}: FAILED: {Count(unacknowledged.Count, "breaking change")} not acknowledged.");
        output.WriteLine("A breaking change can break code built on the regenerated client, or clients already deployed. Undo it, or, when");
        output.WriteLine($"the break is intended (the vendor changed its API), acknowledge each change: add its line to {report.Acknowledgements.Path}");
        output.WriteLine("with the reason in place of <...>, and commit that file with the contract change:");
        output.WriteLine();
        foreach (var change in unacknowledged)
            output.WriteLine($"{change.Id} {change.Contract} <why this break is intended>");
        output.WriteLine();
        output.WriteLine("An acknowledgement names one exact change: edit the change again and its id changes. Remove the lines once the");
        output.WriteLine("change is merged (they are reported as stale from then on).");
    }

    private static string Count(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
