using System.CommandLine;
using Contracts.Ogangi;
using Spectre.Console;

namespace Contracts.Cli.Ogangi;

/// <summary>`notify ogangi mo list`: one page of the incoming messages (MO), narrowed by Ogangi's search filters.</summary>
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
                Print(context, list, parse.GetValue(page), parse.GetValue(pageSize), connection.Sandbox is not null);
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

    private static void Print(CommandContext context, MoMessageList list, int page, int pageSize, bool sandbox)
    {
        var messages = list.Messages ?? [];
        if (context.Json)
        {
            context.WriteJson(new
            {
                sandbox,
                page,
                pageSize,
                records = list.Records,
                messages = messages.Select(m => new { sendDate = m.SendDate, from = m.From, to = m.To, carrier = m.Carrier, keyword = m.Keyword, text = m.Text, encoding = m.Encoding }),
            });
            return;
        }
        var table = new Table()
            .Title($"Incoming messages, page {page} ({messages.Count} shown, {list.Records?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} found)")
            .AddColumn("Sent").AddColumn("From").AddColumn("To").AddColumn("Carrier").AddColumn("Keyword").AddColumn("Text");
        foreach (var m in messages)
            table.AddRow(Cell(m.SendDate), Cell(m.From), Cell(m.To), Cell(m.Carrier), Cell(m.Keyword), Cell(m.Text));
        context.Console.Write(table);
    }

    private static Markup Cell(string? text) => new(Markup.Escape(text ?? ""));
}
