using System.CommandLine;
using Contracts.Ogangi;
using Contracts.Cli.Output;

namespace Contracts.Cli.Ogangi;

/// <summary>`notify ogangi mo list`: one page of the incoming messages (MO), narrowed by Ogangi's search filters, in the one list style (<see cref="ListView{T}"/>).</summary>
internal static class OgangiMoListCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var page = new Option<int>("--page") { Description = "The page, from 1.", DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { Description = $"Messages per page, 1 to {OgangiLimits.MaxPageSize}.", DefaultValueFactory = _ => 20 };
        var from = ListOption("--from", "Keep messages from these mobile numbers.");
        var to = ListOption("--to", "Keep messages sent to these short or long codes.");
        var keyword = ListOption("--keyword", "Keep messages whose keyword matches one of these Java regular expressions (e.g. ^OGANGI.*).");
        var carrier = ListOption("--carrier", "Keep messages that came through these carriers.");
        var order = new Option<string?>("--order") { Description = "asc (oldest first) or desc (newest first); Ogangi's default when omitted." };
        order.AcceptOnlyFromAmong("asc", "desc");

        var command = new Command("list",
            "List one page of the incoming messages (Ogangi's getMOMessages). Each filter takes one or more values (repeat it or separate with spaces); a message matches when it matches one value of every filter given.")
        {
            page, pageSize, from, to, keyword, carrier, order,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = globals.CreateContext(parse);
            var filter = new OgangiMoFilter
            {
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                Keywords = parse.GetValue(keyword),
                Carriers = parse.GetValue(carrier),
                Order = parse.GetValue(order) switch
                {
                    "asc" => OgangiSortOrder.Ascending,
                    "desc" => OgangiSortOrder.Descending,
                    _ => null,
                },
            };
            return await OgangiConnection.RunAsync(globals, parse, context, async (connection, _) =>
            {
                var list = await connection.Client.GetMoMessagesAsync(parse.GetValue(page), parse.GetValue(pageSize), filter, cancellationToken).ConfigureAwait(false);
                Print(context, list, parse.GetValue(page));
                return ExitCodes.Success;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Option<string[]> ListOption(string name, string description) => new(name)
    {
        Description = description,
        AllowMultipleArgumentsPerToken = true,
    };

    private static void Print(CommandContext context, MoMessageList list, int page)
    {
        var messages = list.Messages ?? [];
        var view = new ListView<MoMessage>(context, $"Incoming messages, page {page}",
            new("sendDate", m => m.SendDate),
            new("from", m => m.From),
            new("to", m => m.To),
            new("carrier", m => m.Carrier),
            new("keyword", m => m.Keyword),
            new("text", m => m.Text),
            new("encoding", m => m.Encoding));
        foreach (var message in messages)
            view.Add(message);
        view.Complete($"Page {page}: {messages.Count} shown, {list.Records?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} found.");
    }
}
