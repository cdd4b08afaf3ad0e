using System.CommandLine;
using Contracts.Onc;
using Spectre.Console;

namespace Contracts.Cli.Onc;

/// <summary>`notify onc campaigns list`: the active campaigns (GetCampaigns), as a table or as JSON.</summary>
internal static class OncCampaignsListCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("list", "List the active ONC campaigns: ID, name, whether paused and channels (--json adds description, creation and active dates).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = globals.CreateContext(parse);
            return await CommandFailures.RunAsync(context, async () =>
            {
                await using var connection = await OncConnection.OpenAsync(globals.LoadSettings(parse), context, _ => { }, cancellationToken).ConfigureAwait(false);
                var campaigns = await connection.Client.GetCampaignsAsync(cancellationToken).ConfigureAwait(false);
                if (context.Json)
                    context.WriteJson(campaigns.Select(ToJson));
                else
                    Print(context, campaigns);
                return ExitCodes.Success;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static object ToJson(OutboundNotificationCampaignInfo campaign) => new
    {
        id = campaign.ID,
        shortName = campaign.ShortName,
        description = campaign.Description,
        isPaused = campaign.IsPaused,
        creationDateUtc = campaign.CreationDateUtc,
        activeFromDate = campaign.ActiveFromDate,
        activeFromTime = campaign.ActiveFromTime,
        activeToDate = campaign.ActiveToDate,
        activeToTime = campaign.ActiveToTime,
        channels = Channels(campaign),
    };

    private static void Print(CommandContext context, IReadOnlyList<OutboundNotificationCampaignInfo> campaigns)
    {
        // Borderless, so that the IDs (to pass to `notify onc contacts add --campaign`) fit on one line of a narrow terminal.
        var table = new Table().Border(TableBorder.None).AddColumn(new TableColumn("ID").NoWrap()).AddColumns("Name", "Channels");
        foreach (var campaign in campaigns)
        {
            table.AddRow(
                campaign.ID.ToString(),
                Markup.Escape(campaign.ShortName ?? "") + (campaign.IsPaused ? " [yellow](paused)[/]" : ""),
                string.Join(", ", Channels(campaign)));
        }
        context.Console.Write(table);
        context.Console.MarkupLineInterpolated($"{campaigns.Count} active campaign(s).");
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
