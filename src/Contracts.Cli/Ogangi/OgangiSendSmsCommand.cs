using System.CommandLine;
using Contracts.Ogangi;

namespace Contracts.Cli.Ogangi;

/// <summary>`notify ogangi send-sms`: sends one SMS with Ogangi's sendSMS and prints the message Ogangi created.</summary>
internal static class OgangiSendSmsCommand
{
    // Statuses at the origination moment that say the message will not be delivered. The others (SENT_TO_CARRIER,
    // PENDING, an unknown value, ...) are in progress or done.
    private static readonly HashSet<string> NotSent = new(StringComparer.Ordinal)
    {
        "NOT_SENT", "BAD_FROM", "BAD_TO", "BAD_ENCODING", "BAD_CARRIER/FROM", "BAD_TIMEZONE", "NOT_ENOUGH_FUNDS",
        "UNREACHABLE", "EXPIRED", "UNDELIVERED", "REJECTD", "UNDELIV",
    };

    public static Command Create(GlobalOptions globals)
    {
        var to = new Option<string>("--to") { Description = "The recipient's mobile number in international form, with or without '+' (e.g. +13056708084).", Required = true };
        var text = new Option<string>("--text") { Description = $"The message (at most {OgangiLimits.MaxTextLength} characters); sent Base64url-encoded.", Required = true };
        var from = new Option<string?>("--from") { Description = "The short or long code to send from. Default: the Ogangi:From setting (NOTIFY_OGANGI__FROM), or the sandbox's code." };
        var carrier = new Option<string?>("--carrier") { Description = "The recipient's carrier as your Campaign Manager names it (e.g. Movistar). Default: Ogangi chooses." };
        var command = new Command("send-sms",
            "Send one SMS (Ogangi's sendSMS) and print the message Ogangi created. " +
            $"Here {ExitCodes.Success} means sent to the carrier, {ExitCodes.PartialFailure} created but not sent (the status says why, e.g. BAD_FROM).")
        {
            to, text, from, carrier,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = globals.CreateContext(parse);
            return await OgangiConnection.RunAsync(globals, parse, context, async (connection, defaultFrom) =>
            {
                if ((parse.GetValue(from) ?? defaultFrom) is not { } sender)
                {
                    context.Error.WriteLine("error: --from is required (or set NOTIFY_OGANGI__FROM, or Ogangi:From in the settings file).");
                    return ExitCodes.InvalidInput;
                }
                var result = await connection.Client.SendSmsAsync(parse.GetValue(to)!, parse.GetValue(text)!, sender, parse.GetValue(carrier), cancellationToken).ConfigureAwait(false);
                if (result.Messages is not [var message, ..])
                {
                    context.Error.WriteLine("error: Ogangi answered OK without the message it created.");
                    return ExitCodes.VendorError;
                }
                Print(context, message, connection.Sandbox is not null);
                return NotSent.Contains(message.Status ?? "") ? ExitCodes.PartialFailure : ExitCodes.Success;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static void Print(CommandContext context, Message message, bool sandbox)
    {
        if (context.Json)
        {
            context.WriteJson(new
            {
                sandbox,
                id = message.Id,
                to = message.To,
                from = message.From,
                carrier = message.Carrier ?? message.CarrierName,
                text = message.Text,
                status = message.Status,
                statusDescription = message.StatusDescription,
                date = message.Date,
            });
            return;
        }
        // One plain line (a console would wrap it at its width): easy to read and to grep.
        context.Output.WriteLine($"SMS {message.Id} to {message.To} from {message.From} via {message.Carrier ?? message.CarrierName}: {message.Status} ({message.StatusDescription})");
    }
}
