namespace Contracts.ContractDiff.Reports;

/// <summary>The report as Markdown, for a pull-request comment: the verdict first, then a table per changed contract.</summary>
internal static class MarkdownReport
{
    public static void Write(ContractDiffReport report, TextWriter output)
    {
        output.WriteLine($"### Contract changes against {Escape(report.BaseLabel)}");
        output.WriteLine();
        var unacknowledged = report.Unacknowledged;
        output.WriteLine(unacknowledged.Count == 0
            ? "**No unacknowledged breaking change.**"
            : $"**{unacknowledged.Count} breaking change(s) not acknowledged.** Undo them, or add one line per change to `{report.Acknowledgements.Path}` (`<id> <contract> <reason>`) and commit it with the change.");
        foreach (var comparison in report.Comparisons.Where(c => !c.IsUnchanged))
        {
            output.WriteLine();
            output.WriteLine($"#### `{comparison.Contract}`: {Summary.Of(comparison, report.Acknowledgements)}");
            if (comparison.Changes.Count == 0)
                continue;
            output.WriteLine();
            output.WriteLine("| verdict | id | change | what | why |");
            output.WriteLine("|---|---|---|---|---|");
            foreach (var change in comparison.Changes)
            {
                var acknowledgement = report.Acknowledgements.For(change);
                var verdict = !change.IsBreaking ? "not breaking" : acknowledgement is null ? "**breaking**" : "breaking, acknowledged";
                var id = change.IsBreaking ? $"`{change.Id}`" : "";
                var why = acknowledgement is null ? change.Why : $"{change.Why}. Acknowledged: {acknowledgement.Reason}";
                output.WriteLine($"| {verdict} | {id} | {Summary.Kind(change.Kind)} {Escape(change.Subject)} | {Escape(change.Description)} | {Escape(why)} |");
            }
        }
        var unchanged = report.Comparisons.Where(c => c.IsUnchanged).Select(c => $"`{c.Contract}`").ToList();
        if (unchanged.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Unchanged: {string.Join(", ", unchanged)}.");
        }
        var stale = report.Stale;
        if (stale.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Stale acknowledgements in `{report.Acknowledgements.Path}` (they match no breaking change; remove them): {string.Join(", ", stale.Select(s => $"line {s.Line} `{s.Id}`"))}.");
        }
    }

    /// <summary>Keeps a cell in its column: pipes escaped, line breaks flattened, HTML-looking text shown as text.</summary>
    private static string Escape(string text)
        => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
