using Spectre.Console;

namespace Contracts.Cli.Output;

/// <summary>Prints a batch's final summary for people or as JSON.</summary>
public static class BatchSummaryView
{
    /// <summary>The summary as --json prints it: counts by outcome, failures grouped by reason, and <paramref name="items"/> when given.</summary>
    public static Dictionary<string, object?> Describe(string title, BatchTally tally, bool cancelled, bool sandbox, IReadOnlyList<object>? items = null)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var summary = new Dictionary<string, object?>
        {
            ["title"] = title,
            ["sandbox"] = sandbox,
            ["cancelled"] = cancelled,
            ["total"] = tally.Total,
            ["accepted"] = tally.Accepted,
            ["rejected"] = tally.Rejected,
            ["unknown"] = tally.Unknown,
            ["notAttempted"] = tally.NotAttempted,
            ["failures"] = tally.Failures.Select(f => new
            {
                outcome = f.Outcome.ToString(),
                kind = f.Kind.ToString(),
                reason = f.Reason,
                count = f.Count,
                statusCode = f.StatusCode,
                errorCode = f.ErrorCode,
                requestId = f.FirstRequestId,
            }),
        };
        if (items is not null)
            summary["items"] = items;
        return summary;
    }

    /// <summary>Prints <paramref name="tally"/>.</summary>
    /// <param name="context">Where to print.</param>
    /// <param name="title">What the batch was.</param>
    /// <param name="tally">The batch's counts and failure groups.</param>
    /// <param name="cancelled">Whether the run was cancelled.</param>
    /// <param name="sandbox">Whether the run went to the embedded sandbox.</param>
    /// <param name="items">Per-item outcomes to add to the JSON as "items" (e.g. each contact not accepted); people see them from the command.</param>
    public static void Print(CommandContext context, string title, BatchTally tally, bool cancelled, bool sandbox, IReadOnlyList<object>? items = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tally);
        if (context.Json)
        {
            context.WriteJson(Describe(title, tally, cancelled, sandbox, items));
            return;
        }

        var table = new Table().Title(title).AddColumn("Outcome").AddColumn(new TableColumn("Items").RightAligned());
        table.AddRow("accepted", tally.Accepted.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("rejected", tally.Rejected.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("unknown (the vendor may have them)", tally.Unknown.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("not attempted", tally.NotAttempted.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("[bold]total[/]", tally.Total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        context.Console.Write(table);
        foreach (var failure in tally.Failures)
        {
            // A vendor's reason often carries its details already ("... (HTTP 400, error code 400, request id ...)"): each is printed once.
            var details = string.Join(", ", new[]
            {
                failure.StatusCode is { } s ? $"HTTP {s}" : null,
                failure.ErrorCode is { Length: > 0 } e ? $"error code {e}" : null,
                failure.FirstRequestId is { } r ? $"request id {r}" : null,
            }.OfType<string>().Where(detail => !failure.Reason.Contains(detail, StringComparison.Ordinal)));
            context.Console.MarkupLineInterpolated($"  {failure.Outcome} {failure.Count:N0}: {failure.Reason}{(details.Length > 0 ? $" ({details})" : "")}");
        }
        if (cancelled)
            context.Console.MarkupLine("[yellow]Cancelled: the items not attempted were never sent.[/]");
    }
}
