using System.CommandLine;
using Contracts.Cli.Journal;
using Contracts.Cli.Output;
using Contracts.Engage;

namespace Contracts.Cli.Engage;

/// <summary>`notify engage push`: pushes a program to every number of a file, in streamed chunks.</summary>
internal static class EngagePushCommand
{
    /// <summary>The one line every number the SDK refused is summarised under (each refusal names its own number).</summary>
    public const string InvalidNumberGroup = "not a valid E.164 number";

    public static Command Create(GlobalOptions globals)
    {
        var file = new Option<FileInfo>("--file", "-f")
        {
            Description = "Destinations: one E.164 number per line, or CSV with a bNumber column (customTrackingId and other columns become personalization).",
            Required = true,
        }.AcceptExistingOnly();
        var program = new Option<Guid>("--program") { Description = "Program Content UUID (Content Portal).", Required = true };
        var aNumbers = new Option<string[]>("--anumber")
        {
            Description = "Calling number (E.164), repeatable, up to 400. Either this or --group.",
            AllowMultipleArgumentsPerToken = true,
        };
        var group = new Option<Guid?>("--group") { Description = "aNumber Group UUID (Content Portal). Either this or --anumber." };
        var ttl = new Option<int>("--ttl") { Description = $"Seconds the content lives on the device (default {EngagePush.RecommendedTtlSeconds}, what ENGAGE recommends).", DefaultValueFactory = _ => EngagePush.RecommendedTtlSeconds };
        var keep = new Option<bool>("--keep-after-call") { Description = "Keep the content on the device after the call." };
        var notBefore = new Option<DateTimeOffset?>("--not-before") { Description = "Do not deliver before this moment (ISO 8601)." };
        var batchSize = new Option<int?>("--batch-size") { Description = "Destinations per request (default 1000)." };
        var concurrency = new Option<int?>("--concurrency") { Description = "Requests in flight at once (default 4)." };
        var failures = new Option<FileInfo?>("--failures") { Description = "Write every number not accepted, with its outcome and reason, to this CSV file." };
        var journal = new JournalOptions();

        var command = new Command("push", "Push an ENGAGE program to every number of a file, with a progress bar and a per-outcome summary.")
        {
            file, program, aNumbers, group, ttl, keep, notBefore, batchSize, concurrency, failures,
        };
        journal.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.Gives(aNumbers) == result.Gives(group))
                result.AddError("Give either --anumber (one or more) or --group, not both.");
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = globals.CreateContext(parse);
            var push = (parse.GetValue(group) is { } groupId
                ? EngagePush.FromANumberGroup(parse.GetValue(program), groupId)
                : EngagePush.FromANumbers(parse.GetValue(program), parse.GetValue(aNumbers)!)) with
            {
                TtlSeconds = parse.GetValue(ttl),
                KeepAfterCall = parse.GetValue(keep),
                NotBefore = parse.GetValue(notBefore),
            };
            var path = parse.GetValue(file)!.FullName;
            return await RunAsync(context, globals, parse, push, path, parse.GetValue(failures)?.FullName, journal.Read(parse),
                o =>
                {
                    if (parse.GetValue(batchSize) is { } size)
                        o.BatchSize = size;
                    if (parse.GetValue(concurrency) is { } parallel)
                        o.MaxConcurrency = parallel;
                }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        CommandContext context, GlobalOptions globals, ParseResult parse, EngagePush push, string path, string? failuresPath,
        JournalRequest journal, Action<EngageClientOptions> adjust, CancellationToken cancellationToken)
    {
        var problems = EngagePushValidator.CheckPush(push);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
                context.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        return await CommandFailures.RunAsync(context, async () =>
        {
            var timeout = TimeSpan.Zero;
            await using var connection = await EngageConnection.OpenAsync(globals.LoadSettings(parse), context, o =>
            {
                adjust(o);
                timeout = o.Timeout;
            }, cancellationToken).ConfigureAwait(false);
            var total = DestinationFile.Count(path);
            var tally = new BatchTally(InvalidNumberGroup);
            using var failures = failuresPath is null ? null : new FailuresFile(failuresPath);

            var unrecorded = await JournaledBatch.RunAsync(
                context, $"engage push --program {push.ProgramContentUuid}", path, journal, () => DestinationFile.Read(path), ["bNumber"], destination => [destination.BNumber],
                total, count => $"Pushing to {count:N0} destinations", timeout,
                (destinations, abort) => connection.Client.PushInChunksAsync(push, destinations, abort),
                result =>
                {
                    tally.Add(result);
                    failures?.Add(result);
                },
                cancellationToken).ConfigureAwait(false);

            BatchSummaryView.Print(context, "ENGAGE push", tally, cancellationToken.IsCancellationRequested, connection.Sandbox is not null);
            return unrecorded?.Report(context, cancellationToken.IsCancellationRequested) ?? ExitCodes.ForBatch(tally, cancellationToken.IsCancellationRequested, refusalStopsBatch: true);
        }, cancellationToken).ConfigureAwait(false);
    }
}
