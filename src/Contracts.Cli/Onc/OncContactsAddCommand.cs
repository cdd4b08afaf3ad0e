using System.CommandLine;
using Contracts.Cli.Journal;
using Contracts.Cli.Output;
using Contracts.Core;
using Contracts.Core.Batching;
using Contracts.Onc;

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
                var sandbox = connection.Sandbox is not null;
                // A campaign ONC does not know would refuse every contact, one call each: the batch stops before the
                // first, as it does when ENGAGE refuses a program, and every contact is reported not attempted.
                var stopped = await CheckCampaignAsync(connection.Client, campaignId, cancellationToken).ConfigureAwait(false);

                var unrecorded = await JournaledBatch.RunAsync(
                    context, $"onc contacts add --campaign {campaignId}", path, journal.Read(parse), () => ContactFile.Read(path, campaignId, parse.GetValue(retries)),
                    ["id", "sms", "voice", "email"],
                    contact => [contact.Id.ToString(), contact.SMSCommInfo?.Destination, contact.VoiceCommInfo?.Destination, contact.EmailCommInfo?.Destination],
                    total, count => $"Adding {count:N0} contacts", timeout,
                    (contacts, abort) => stopped is null ? connection.Client.AddCampaignContactsInChunksAsync(contacts, abort) : NotAttempted(contacts, stopped),
                    sent =>
                    {
                        var result = OncErrorCodes.Explained(sent, sandbox);
                        tally.Add(result);
                        notAccepted.Add(result);
                    },
                    cancellationToken).ConfigureAwait(false);

                notAccepted.Finish($"ONC contacts added to campaign {campaignId}", tally, cancellationToken.IsCancellationRequested, sandbox);
                return unrecorded?.Report(context, cancellationToken.IsCancellationRequested) ?? ExitCodes.ForBatch(tally, cancellationToken.IsCancellationRequested);
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>
    /// Null when the campaign exists; otherwise why no contact will be sent: ONC knows no such campaign, or it could not
    /// be asked (refused credentials, unreachable), which every contact would meet too.
    /// </summary>
    private static async Task<BatchFailure?> CheckCampaignAsync(OncClient client, Guid campaignId, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false) is null
                ? new BatchFailure(BatchFailureKind.BatchStopped, $"Not sent: ONC has no campaign {campaignId} (GetCampaign found none; notify onc campaigns list shows the campaigns).")
                : null;
        }
        catch (VendorApiException refused) when (!cancellationToken.IsCancellationRequested)
        {
            var kind = refused switch
            {
                AccessTokenException => BatchFailureKind.AuthenticationFailed,
                VendorTransportException => BatchFailureKind.TransportError,
                _ => BatchFailureKind.BatchStopped,
            };
            return BatchFailure.FromVendor(refused, kind);
        }
    }

    private static async IAsyncEnumerable<BatchChunkResult<OutboundNotificationContactInfo>> NotAttempted(IEnumerable<OutboundNotificationContactInfo> contacts, BatchFailure reason)
    {
        long index = 0;
        foreach (var contact in contacts)
            yield return new BatchChunkResult<OutboundNotificationContactInfo>(index++, [contact], BatchItemOutcome.NotAttempted, reason, null);
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
