using System.CommandLine;
using Contracts.Cli.Journal;
using Contracts.Cli.Output;

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
        var journal = new JournalOptions();
        var command = new Command("add", "Add the contacts of a CSV file to an ONC campaign, with a progress bar, a summary and each contact not accepted.")
        {
            campaign, file, retries, concurrency,
        };
        journal.AddTo(command);
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
                var timeout = TimeSpan.Zero;
                await using var connection = await OncConnection.OpenAsync(globals.LoadSettings(parse), context, o =>
                {
                    if (parse.GetValue(concurrency) is { } parallel)
                        o.MaxConcurrency = parallel;
                    timeout = o.Timeout;
                }, cancellationToken).ConfigureAwait(false);
                var campaignId = parse.GetValue(campaign);
                var tally = new BatchTally();
                var notAccepted = new NotAcceptedContacts(context);

                await JournaledBatch.RunAsync(
                    context, $"onc contacts add --campaign {campaignId}", path, journal.Read(parse), () => ContactFile.Read(path, campaignId, parse.GetValue(retries)),
                    ["id", "sms", "voice", "email"],
                    contact => [contact.Id.ToString(), contact.SMSCommInfo?.Destination, contact.VoiceCommInfo?.Destination, contact.EmailCommInfo?.Destination],
                    total, count => $"Adding {count:N0} contacts", timeout,
                    (contacts, abort) => connection.Client.AddCampaignContactsInChunksAsync(contacts, abort),
                    result =>
                    {
                        tally.Add(result);
                        notAccepted.Add(result);
                    },
                    cancellationToken).ConfigureAwait(false);

                notAccepted.Finish($"ONC contacts added to campaign {campaignId}", tally, cancellationToken.IsCancellationRequested, connection.Sandbox is not null);
                return ExitCodes.ForBatch(tally, cancellationToken.IsCancellationRequested);
            }).ConfigureAwait(false);
        });
        return command;
    }
}
