using System.CommandLine;
using System.Globalization;
using Contracts.Accengage;
using Contracts.Cli.Journal;
using Contracts.Cli.Output;
using Contracts.Core.Batching;

namespace Contracts.Cli.Accengage;

/// <summary>
/// `notify accengage devices upsert`: adds every device of a file to a static list (or renews its expiry), in batches
/// of --batch-size users per request, with a progress bar and a per-outcome summary.
/// </summary>
internal static class AccengageDevicesUpsertCommand
{
    /// <summary>Users per request. Accengage documents no limit for static lists; requests stay small enough to retry cheaply.</summary>
    public const int DefaultBatchSize = 1_000;

    public static Command Create(GlobalOptions globals, Option<string?> partner)
    {
        var list = new Option<long>("--list") { Description = "ID of the static list.", Required = true };
        var file = new Option<FileInfo>("--file", "-f")
        {
            Description = "Devices: one UDID per line (or one value of the --by field), or CSV with a header naming deviceId/UDID (or the --by field) and optionally expireAt.",
            Required = true,
        }.AcceptExistingOnly();
        var by = new Option<string?>("--by") { Description = "A device field of the app (e.g. clientId) that names the users instead of their UDID." };
        var expireAt = new Option<DateTimeOffset?>("--expire-at") { Description = "When the devices leave the list (ISO 8601), unless the file gives expireAt." };
        var batchSize = new Option<int>("--batch-size") { Description = $"Users per request (default {DefaultBatchSize}).", DefaultValueFactory = _ => DefaultBatchSize };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once (default 4).", DefaultValueFactory = _ => 4 };
        var command = new Command("upsert", "Upsert every device of a file into a static list, in batches, with a per-outcome summary.")
        {
            list, file, by, expireAt, batchSize, concurrency,
        };
        var journal = new JournalOptions();
        journal.AddTo(command);
        foreach (var count in new[] { batchSize, concurrency })
        {
            count.Validators.Add(result =>
            {
                // Reads the token, not the value: a value that failed to parse has its own error already, and reading it
                // would throw. Without a token the default (at least 1) applies.
                if (result.Tokens is [.., var last] && int.TryParse(last.Value, CultureInfo.InvariantCulture, out var given) && given < 1)
                    result.AddError($"{result.Option.Name} must be at least 1.");
            });
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = globals.CreateContext(parse);
            var path = parse.GetValue(file)!.FullName;
            var listId = parse.GetValue(list);
            IEnumerable<StaticListUser> Users() => StaticListUserFile.Read(path, parse.GetValue(by), parse.GetValue(expireAt));
            return await CommandFailures.RunAsync(context, async () =>
            {
                var total = Users().LongCount(); // also checks the whole file before anything is sent
                var partnerId = "";
                var timeout = TimeSpan.Zero;
                await using var connection = await AccengageConnection.OpenAsync(globals.LoadSettings(parse), context, parse.GetValue(partner), o =>
                {
                    partnerId = o.PartnerId;
                    timeout = o.Timeout;
                }, cancellationToken);
                var client = connection.Client;
                var tally = new BatchTally();
                var unrecorded = await JournaledBatch.RunAsync(
                    context, $"accengage devices upsert --list {listId} --by {parse.GetValue(by)}", path, journal.Read(parse), Users,
                    ["user"], user => [StaticListUserFile.Describe(user)],
                    total, count => $"Upserting {count:N0} devices into list {listId}", timeout,
                    (users, abort) => ChunkedBatchRunner.RunAsync(
                        users,
                        new ChunkedBatchOptions(parse.GetValue(batchSize), parse.GetValue(concurrency)),
                        StaticListUserFile.Check,
                        async (chunk, token) =>
                        {
                            await client.UpsertStaticListDevicesAsync(partnerId, listId, new StaticListUsers { Users = [.. chunk] }, token);
                            return ChunkSendResult.Accepted(requestId: null);
                        },
                        cancellationToken: abort),
                    result =>
                    {
                        tally.Add(result);
                        if (!context.Json && result.Failure is { Kind: BatchFailureKind.InvalidInput } invalid)
                            context.Error.WriteLine($"rejected {StaticListUserFile.Describe(result.Items[0])}: {invalid.Reason}");
                    },
                    cancellationToken);
                BatchSummaryView.Print(context, $"Accengage static list {listId} upsert", tally, cancellationToken.IsCancellationRequested, connection.Sandbox is not null);
                return unrecorded?.Report(context, cancellationToken.IsCancellationRequested) ?? ExitCodes.ForBatch(tally, cancellationToken.IsCancellationRequested);
            }, cancellationToken);
        });
        return command;
    }
}
