using Contracts.Cli.Output;
using Contracts.Core.Batching;
using Contracts.Onc;
using Spectre.Console;

namespace Contracts.Cli.Onc;

/// <summary>
/// The contacts of a run that were not accepted, reported in memory that does not grow with them: with --json each is
/// written as it comes (the "items" of the summary object, streamed); for people the first
/// <see cref="ShownToPeople"/> are printed under the summary and the rest counted (the journal, --outcomes, has them
/// all). A million refused rows once cost 416 MB, and 1.8 GB with --json, kept in a list until the end.
/// </summary>
internal sealed class NotAcceptedContacts(CommandContext context)
{
    /// <summary>How many contacts not accepted are printed for people; more would drown the summary.</summary>
    public const int ShownToPeople = 20;

    private readonly List<ContactOutcome> _shown = [];
    private JsonArrayWriter? _json;
    private long _count;

    public void Add(BatchChunkResult<OutboundNotificationContactInfo> result)
    {
        if (result.Outcome == BatchItemOutcome.Accepted)
            return;
        foreach (var contact in result.Items)
        {
            var outcome = ContactOutcome.Of(contact, result);
            _count++;
            if (context.Json)
            {
                Items().Add(outcome);
            }
            else if (_shown.Count < ShownToPeople)
            {
                _shown.Add(outcome);
            }
        }
    }

    // The summary object opens with its items, so that they can be written before the counts are known.
    private JsonArrayWriter Items()
    {
        if (_json is null)
        {
            context.Output.Write("{\n  \"items\": ");
            _json = new JsonArrayWriter(context.Output, indent: "    ");
        }
        return _json;
    }

    /// <summary>Prints the summary: for people, followed by the contacts not accepted; as JSON, after its items.</summary>
    public void Finish(string title, BatchTally tally, bool cancelled, bool sandbox)
    {
        if (context.Json)
        {
            var summary = CommandContext.Serialize(BatchSummaryView.Describe(title, tally, cancelled, sandbox));
            Items().Close();
            // The summary's own properties follow the items in the same object.
            context.Output.WriteLine("," + summary[1..]);
            return;
        }

        BatchSummaryView.Print(context, title, tally, cancelled, sandbox);
        foreach (var contact in _shown)
            context.Console.MarkupLineInterpolated($"  [yellow]{contact.Outcome}[/] {contact.Id} ({contact.Destinations}): {contact.Reason}");
        if (_count > _shown.Count)
            context.Console.MarkupLineInterpolated($"  ... and {_count - _shown.Count:N0} more contacts not accepted (--outcomes FILE records every contact, --json prints them all).");
    }
}
