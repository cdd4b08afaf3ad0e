using System.CommandLine;
using Contracts.Cli.Output;
using Contracts.Core.Batching;
using Spectre.Console;

namespace Contracts.Cli.Onc;

/// <summary>
/// `notify onc contacts add`: adds every contact of a CSV file to a campaign through the client's batching (one
/// AddCampaignContact per contact, a bounded number at once, on one shared session) and reports each contact's outcome.
/// </summary>
internal static class OncContactsAddCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var campaign = new Option<Guid>("--campaign") { Description = "ID of the campaign the contacts are added to (see `notify onc campaigns list`).", Required = true };
        var file = new Option<FileInfo>("--file", "-f")
        {
            Description = "CSV with a header naming sms, voice and/or email (destinations) and optionally id, text and retryCount; comma, semicolon or tab separated.",
            Required = true,
        }.AcceptExistingOnly();
        var retries = new Option<int>("--retries") { Description = "Delivery attempts per contact (0 to 255) for rows without a retryCount column.", DefaultValueFactory = _ => 3 };
        var concurrency = new Option<int?>("--concurrency") { Description = "AddCampaignContact calls in flight at once (default 4)." };
        var outcomes = new Option<FileInfo?>("--outcomes") { Description = "Write every contact with its outcome (id, destinations, outcome, reason) to this CSV file." };
        var command = new Command("add", "Add the contacts of a CSV file to an ONC campaign, with a progress bar, a summary and each contact not accepted.")
        {
            campaign, file, retries, concurrency, outcomes,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = globals.CreateContext(parse);
            // Checked here rather than in a parser validator, which would run (and throw) on a value that did not parse.
            if (parse.GetValue(campaign) == Guid.Empty || parse.GetValue(retries) is < 0 or > 255)
            {
                context.Error.WriteLine(parse.GetValue(campaign) == Guid.Empty
                    ? "error: --campaign must be a campaign ID, not the empty GUID."
                    : "error: --retries must be between 0 and 255, as ONC documents RetryCount.");
                return ExitCodes.InvalidInput;
            }
            return await CommandFailures.RunAsync(context, async () =>
            {
                var path = parse.GetValue(file)!.FullName;
                var total = ContactFile.Count(path); // a bad header or value stops here, before anything is sent
                await using var connection = await OncConnection.OpenAsync(globals.LoadSettings(parse), context, o =>
                {
                    if (parse.GetValue(concurrency) is { } parallel)
                        o.MaxConcurrency = parallel;
                }, cancellationToken).ConfigureAwait(false);
                var campaignId = parse.GetValue(campaign);
                var tally = new BatchTally();
                var notAccepted = new List<ContactOutcome>();
                using var outcomesFile = parse.GetValue(outcomes) is { } outcomesPath ? new ContactOutcomesFile(outcomesPath.FullName) : null;

                await ProgressView.RunAsync(context, $"Adding {total:N0} contacts", total, async advance =>
                {
                    var contacts = ContactFile.Read(path, campaignId, parse.GetValue(retries));
                    await foreach (var result in connection.Client.AddCampaignContactsInChunksAsync(contacts, cancellationToken).ConfigureAwait(false))
                    {
                        tally.Add(result);
                        outcomesFile?.Add(result);
                        if (result.Outcome != BatchItemOutcome.Accepted)
                            notAccepted.AddRange(result.Items.Select(contact => ContactOutcome.Of(contact, result)));
                        advance(result.Items.Count);
                    }
                }).ConfigureAwait(false);

                BatchSummaryView.Print(context, $"ONC contacts added to campaign {campaignId}", tally, cancellationToken.IsCancellationRequested, connection.Sandbox is not null, notAccepted);
                if (!context.Json)
                {
                    foreach (var contact in notAccepted)
                        context.Console.MarkupLineInterpolated($"  [yellow]{contact.Outcome}[/] {contact.Id} ({contact.Destinations}): {contact.Reason}");
                }
                return ExitCodes.ForBatch(tally, cancellationToken.IsCancellationRequested);
            }).ConfigureAwait(false);
        });
        return command;
    }
}
