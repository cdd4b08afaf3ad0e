using System.CommandLine;
using Contracts.Onc;
using Contracts.Cli.Output;

namespace Contracts.Cli.Onc;

/// <summary>`notify onc campaigns list`: the active campaigns (GetCampaigns), in the one list style (<see cref="ListView{T}"/>).</summary>
internal static class OncCampaignsListCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("list", "List the active ONC campaigns: ID (for `notify onc contacts add --campaign`), name, whether paused, channels and description.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = globals.CreateContext(parse);
            return await CommandFailures.RunAsync(context, async () =>
            {
                await using var connection = await OncConnection.OpenAsync(globals.LoadSettings(parse), context, _ => { }, cancellationToken).ConfigureAwait(false);
                var campaigns = await connection.Client.GetCampaignsAsync(cancellationToken).ConfigureAwait(false);
                var list = new ListView<OutboundNotificationCampaignInfo>(context, "ONC campaigns",
                    new("id", c => c.ID),
                    new("shortName", c => c.ShortName),
                    new("isPaused", c => c.IsPaused),
                    new("channels", Channels),
                    new("description", c => c.Description));
                foreach (var campaign in campaigns)
                    list.Add(campaign);
                list.Complete($"{campaigns.Count} active campaign(s).");
                return ExitCodes.Success;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The channels a campaign delivers over (those enabled).</summary>
    private static string[] Channels(OutboundNotificationCampaignInfo campaign)
        => new[]
        {
            campaign.OutboundSMSNotificationInfo?.Enabled == true ? "sms" : null,
            campaign.OutboundVoiceNotificationInfo?.Enabled == true ? "voice" : null,
            campaign.OutboundEmailNotificationInfo?.Enabled == true ? "email" : null,
        }.OfType<string>().ToArray();
}
