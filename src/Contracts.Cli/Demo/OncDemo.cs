using Contracts.Cli.Onc;
using Contracts.Cli.Output;
using Contracts.Core.Batching;
using Contracts.Onc;
using Contracts.Sandbox;
using Contracts.Sandbox.Onc;

namespace Contracts.Cli.Demo;

/// <summary>
/// ONC in the demo: one session opened on first use and shared, campaigns listed, a batch of contacts added with
/// per-contact outcomes while the session expires mid-run (reopened once, transparently), the session closed on dispose.
/// </summary>
internal sealed class OncDemo(int contacts) : IVendorDemo
{
    public string Title => "Dynamic Notifications campaigns (ONC, SOAP)";

    public async Task RunAsync(CommandContext context, SandboxServer sandbox, DemoSteps steps, CancellationToken cancellationToken)
    {
        var onc = sandbox.Onc;
        var options = sandbox.CreateOncClientOptions();
        options.MaxConcurrency = 4;
        await using (var client = new OncClient(options, timeProvider: sandbox.Options.TimeProvider))
        {
            var ids = await client.GetCampaignListingAsync(cancellationToken);
            var campaigns = await client.GetCampaignsAsync(cancellationToken);
            steps.Record("onc.session", $"session opened on the first call and shared by the next: sessions opened {onc.SessionsOpened}, open {onc.OpenSessions}", onc.SessionsOpened == 1 && onc.OpenSessions == 1);
            steps.Record("onc.campaigns",
                $"{campaigns.Count} active campaigns: {string.Join("; ", campaigns.Select(c => $"{c.ShortName}{(c.IsPaused ? " (paused)" : "")}"))}",
                campaigns.Count == ids.Count && campaigns.Select(c => c.ID).SequenceEqual(ids));

            // The session expires a third of the way in: the client sees the failure, checks the session, opens a new one once and resends.
            onc.Faults.ExpireCredentialsAfter(requests: contacts / 3);
            var before = onc.ContactCount(OncSandboxOptions.DemoCampaign);
            var tally = new BatchTally();
            var notAccepted = new List<ContactOutcome>();
            await ProgressView.RunAsync(context, $"Adding {contacts:N0} contacts", contacts, async advance =>
            {
                await foreach (var result in client.AddCampaignContactsInChunksAsync(Contacts(contacts), cancellationToken))
                {
                    tally.Add(result);
                    if (result.Outcome != BatchItemOutcome.Accepted)
                        notAccepted.AddRange(result.Items.Select(contact => ContactOutcome.Of(contact, result)));
                    advance(result.Items.Count);
                }
            });
            var added = onc.ContactCount(OncSandboxOptions.DemoCampaign) - before;
            steps.Record("onc.contacts",
                $"{tally.Accepted:N0} contacts added in {onc.CallsTo("AddCampaignContact"):N0} calls, {tally.Rejected} rejected, {tally.NotAttempted} not attempted, {tally.Unknown} unknown; the campaign holds {added:N0} more",
                tally.Accepted == contacts - 3 && tally.Rejected == 3 && tally.NotAttempted == 0 && tally.Unknown == 0 && added == tally.Accepted);
            foreach (var contact in notAccepted)
            {
                steps.Record("onc.contact-outcome", $"contact {contact.Id} ({contact.Destinations}): {contact.Outcome}, {contact.Reason}",
                    contact.Outcome == nameof(BatchItemOutcome.Rejected) && contact.Kind is nameof(BatchFailureKind.InvalidInput) or nameof(BatchFailureKind.VendorRejected));
            }
            steps.Record("onc.session-reopen", $"session expired server-side mid-run; the client opened a new one once and carried on (sessions opened: {onc.SessionsOpened})", onc.SessionsOpened == 2);
        }
        steps.Record("onc.close", $"client disposed: CloseAPISession ended the session (closed {onc.SessionsClosed}, open {onc.OpenSessions})", onc.SessionsClosed == 1 && onc.OpenSessions == 0);
    }

    /// <summary>
    /// Contacts for the demo campaign. Two ask for more retries than ONC allows (the SDK refuses them before sending) and
    /// one names a campaign that does not exist (the service refuses it with an error code).
    /// </summary>
    private static IEnumerable<OutboundNotificationContactInfo> Contacts(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new OutboundNotificationContactInfo
            {
                Id = Guid.NewGuid(),
                CampaignId = i == count / 2 ? Guid.Parse("00000000-0000-4000-8000-00000000dead") : OncSandboxOptions.DemoCampaign,
                SMSCommInfo = new CommunicationInfo { Destination = $"+1555{i:D7}", RetryCount = i is 7 or 70 ? 300 : 3 },
            };
        }
    }
}
