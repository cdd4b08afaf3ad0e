using System.CommandLine;
using Contracts.Accengage;
using Contracts.Cli.Output;

namespace Contracts.Cli.Accengage;

/// <summary>
/// `notify accengage campaigns list` and `messages list`: every page, following the Link header, printed as each page
/// arrives in the one list style (<see cref="ListView{T}"/>).
/// </summary>
internal static class AccengageListCommand
{
    public static Command Campaigns(GlobalOptions globals, Option<string?> partner)
        => Create(globals, partner, "Every campaign of the app, by ascending ID (all pages).", "campaigns",
            (client, _, token) => client.EnumerateCampaignsAsync(cancellationToken: token),
            [new("id", c => c.Id), new("name", c => c.Name), new("startDate", c => c.StartDate), new("endDate", c => c.EndDate)]);

    public static Command Messages(GlobalOptions globals, Option<string?> partner)
    {
        var externalId = new Option<string?>("--external-id") { Description = "Only messages whose external ID matches; % matches any characters (e.g. PushCampaign2017%)." };
        var title = new Option<string?>("--title") { Description = "Only messages with a title that matches; % matches any characters." };
        return Create(globals, partner, "Every push message of the app (all pages).", "messages",
            (client, parse, token) => client.EnumerateMessagesAsync(parse.GetValue(externalId), parse.GetValue(title), cancellationToken: token),
            [new("id", m => m.Id), new("externalId", m => m.ExternalId), new("title", m => m.Messages?.FirstOrDefault()?.Title)],
            externalId, title);
    }

    private static Command Create<T>(
        GlobalOptions globals, Option<string?> partner, string description, string what,
        Func<AccengageClient, ParseResult, CancellationToken, IAsyncEnumerable<T>> read, ListColumn<T>[] columns, params Option[] filters)
        where T : class
    {
        var command = new Command("list", description);
        foreach (var filter in filters)
            command.Options.Add(filter);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = globals.CreateContext(parse);
            return await CommandFailures.RunAsync(context, async () =>
            {
                await using var connection = await AccengageConnection.OpenAsync(globals.LoadSettings(parse), context, parse.GetValue(partner), null, cancellationToken);
                var list = new ListView<T>(context, $"Accengage {what}", columns);
                try
                {
                    await foreach (var item in read(connection.Client, parse, cancellationToken))
                        list.Add(item);
                }
                finally
                {
                    // A failure on a later page still leaves valid JSON (or a whole table) with the items read so far; the error goes to stderr.
                    list.Complete($"{list.Count} {what}.");
                }
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
