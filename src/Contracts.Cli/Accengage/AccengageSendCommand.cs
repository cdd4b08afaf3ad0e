using System.CommandLine;
using Contracts.Accengage;
using Contracts.Cli.Journal;
using Contracts.Cli.Output;
using Contracts.Core.Batching;
using Spectre.Console;

namespace Contracts.Cli.Accengage;

/// <summary>
/// `notify accengage send`: triggers an existing message for any number of targets, sent as instant messages of at
/// most 100 targets each, and reports every target's outcome.
/// </summary>
internal static class AccengageSendCommand
{
    public static Command Create(GlobalOptions globals, Option<string?> partner)
    {
        var message = new Option<long?>("--message") { Description = "ID of the message to trigger. Either this or --message-external-id." };
        var externalId = new Option<string?>("--message-external-id") { Description = "External ID of the message to trigger. Either this or --message." };
        var targets = new Option<string[]>("--target")
        {
            Description = "UDID of a device to send to; repeatable. Either this or --targets-file.",
            AllowMultipleArgumentsPerToken = true,
        };
        var targetsFile = new Option<FileInfo>("--targets-file")
        {
            Description = "Targets: one UDID per line, or CSV with a header naming deviceId/UDID, token, clientId (or the --by field); other columns fill the message's ${column} placeholders.",
        }.AcceptExistingOnly();
        var by = new Option<string?>("--by") { Description = "An indexed device field (e.g. clientId) that names the users of --targets-file." };
        var text = new Option<string?>("--text") { Description = "Text overriding the message's; ${field} placeholders are filled per target." };
        var title = new Option<string?>("--title") { Description = "Title overriding the message's." };
        var concurrency = new Option<int?>("--concurrency") { Description = "Requests in flight at once (default 4)." };

        var command = new Command("send",
            "Send an existing message to targets as instant messages of at most 100 targets each, and report each target's outcome " +
            "(--json: every target; otherwise the targets not accepted, then a summary).")
        {
            message, externalId, targets, targetsFile, by, text, title, concurrency,
        };
        var journal = new JournalOptions();
        journal.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.Gives(message) == result.Gives(externalId))
                result.AddError("Give either --message or --message-external-id.");
            if (result.Gives(targets) == result.Gives(targetsFile))
                result.AddError("Give either --target (one or more) or --targets-file.");
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = globals.CreateContext(parse);
            var data = new MessageData
            {
                ParentMessageId = parse.GetValue(message),
                ParentMessageExternalId = parse.GetValue(externalId),
                Text = parse.GetValue(text),
                Title = parse.GetValue(title),
            };
            var problems = AccengageBatchRules.CheckMessage(data);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                    context.Error.WriteLine($"error: {problem}");
                return ExitCodes.InvalidInput;
            }
            var file = parse.GetValue(targetsFile)?.FullName;
            IEnumerable<Target> Recipients() => file is not null
                ? TargetFile.Read(file, parse.GetValue(by))
                : parse.GetValue(targets)!.Select(udid => new Target { DeviceId = udid });
            // What the journal belongs to: the message, and the targets when they are on the command line.
            var run = $"accengage send --message {data.ParentMessageId}{data.ParentMessageExternalId} --by {parse.GetValue(by)}"
                + (file is null ? " --target " + string.Join(' ', parse.GetValue(targets)!) : "");

            return await CommandFailures.RunAsync(context, async () =>
            {
                // The file is read as requests leave: a bad row past the first requests would stop a run already
                // under way as invalid input, whose exit code says nothing was sent. So the whole file is checked first.
                if (file is not null)
                    _ = Recipients().LongCount();
                var timeout = TimeSpan.Zero;
                await using var connection = await AccengageConnection.OpenAsync(globals.LoadSettings(parse), context, parse.GetValue(partner), o =>
                {
                    o.MaxConcurrency = parse.GetValue(concurrency) ?? o.MaxConcurrency;
                    timeout = o.Timeout;
                }, cancellationToken);
                var tally = new BatchTally();
                JsonArrayWriter? outcomes = null;
                if (context.Json)
                {
                    context.Output.Write("{\n  \"targets\": ");
                    outcomes = new JsonArrayWriter(context.Output, indent: "    ");
                }

                // No progress bar: the targets not accepted are printed as their results come.
                var unrecorded = await JournaledBatch.RunAsync(
                    context, run, file, journal.Read(parse), Recipients, ["target"], target => [TargetFile.Describe(target)],
                    total: 0, describe: null, timeout,
                    (recipients, abort) => connection.Client.SendInstantMessageInChunksAsync(data, recipients, abort),
                    result =>
                    {
                        tally.Add(result);
                        foreach (var target in result.Items)
                            Report(context, outcomes, target, result);
                    },
                    cancellationToken);

                var cancelled = cancellationToken.IsCancellationRequested;
                var sandbox = connection.Sandbox is not null;
                if (outcomes is not null)
                {
                    outcomes.Close();
                    context.Output.WriteLine($",\n  \"summary\": {CommandContext.Serialize(BatchSummaryView.Describe("Accengage instant message", tally, cancelled, sandbox)).Replace("\n", "\n  ", StringComparison.Ordinal)}\n}}");
                }
                else
                {
                    BatchSummaryView.Print(context, "Accengage instant message", tally, cancelled, sandbox);
                }
                return unrecorded?.Report(context, cancelled) ?? ExitCodes.ForBatch(tally, cancelled);
            }, cancellationToken);
        });
        return command;
    }

    private static void Report(CommandContext context, JsonArrayWriter? outcomes, Target target, BatchChunkResult<Target> result)
    {
        var failure = result.Failure;
        if (outcomes is not null)
        {
            outcomes.Add(new
            {
                target = TargetFile.Describe(target),
                outcome = result.Outcome.ToString(),
                reason = failure?.Reason,
                statusCode = failure?.StatusCode,
                errorCode = failure?.ErrorCode,
            });
        }
        else if (failure is not null)
        {
            context.Console.MarkupLineInterpolated($"{result.Outcome}  {TargetFile.Describe(target)}: {failure.Reason}");
        }
    }
}
