using System.CommandLine;
using Contracts.Accengage;
using Contracts.Cli.Output;

namespace Contracts.Cli.Accengage;

/// <summary>
/// `notify accengage campaigns list` and `messages list`: every page, following the Link header, printed as each page
/// arrives (one line per item, or a JSON array streamed element by element with --json).
/// </summary>
internal static class AccengageListCommand
{
    public static Command Campaigns(GlobalOptions globals, Option<string?> partner)
        => Create(globals, partner, "Every campaign of the app, by ascending ID (all pages).", "campaigns",
            (client, _, token) => client.EnumerateCampaignsAsync(cancellationToken: token),
            c => $"{c.Id}\t{c.Name}\t{Date(c.StartDate)}\t{Date(c.EndDate)}");

    public static Command Messages(GlobalOptions globals, Option<string?> partner)
    {
        var externalId = new Option<string?>("--external-id") { Description = "Only messages whose external ID matches; % matches any characters (e.g. PushCampaign2017%)." };
        var title = new Option<string?>("--title") { Description = "Only messages with a title that matches; % matches any characters." };
        return Create(globals, partner, "Every push message of the app (all pages).", "messages",
            (client, parse, token) => client.EnumerateMessagesAsync(parse.GetValue(externalId), parse.GetValue(title), cancellationToken: token),
            m => $"{m.Id}\t{m.ExternalId}\t{m.Messages?.FirstOrDefault()?.Title}",
            externalId, title);
    }

    private static string Date(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static Command Create<T>(
        GlobalOptions globals, Option<string?> partner, string description, string what,
        Func<AccengageClient, ParseResult, CancellationToken, IAsyncEnumerable<T>> read, Func<T, string> line, params Option[] filters)
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
                var json = context.Json ? new JsonArrayWriter(context.Output, indent: "  ") : null;
                long count = 0;
                try
                {
                    await foreach (var item in read(connection.Client, parse, cancellationToken))
                    {
                        count++;
                        if (json is not null)
                            json.Add(item);
                        else
                            context.Output.WriteLine(line(item));
                    }
                }
                finally
                {
                    // A failure on a later page still leaves valid JSON with the items read so far; the error goes to stderr.
                    json?.Close();
                    if (json is not null)
                        context.Output.WriteLine();
                }
                context.Note($"{count} {what}.");
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
