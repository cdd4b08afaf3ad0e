using System.CommandLine;
using Contracts.Cli.Output;
using Contracts.Core.Batching;
using Spectre.Console;
using Contracts.Engage;
using Contracts.Sandbox;
using Contracts.Sandbox.Engage;

namespace Contracts.Cli.Demo;

/// <summary>
/// `notify demo`: drives every vendor end to end against the embedded sandbox and prints what happened. Needs no
/// account and no network beyond 127.0.0.1.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var destinations = new Option<int>("--destinations") { Description = "How many destinations the ENGAGE batch pushes.", DefaultValueFactory = _ => 2_500 };
        var command = new Command("demo", "Run every vendor end to end against the embedded sandbox and print what happened.") { destinations };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = globals.CreateContext(parse);
            await using var sandbox = await SandboxServer.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            context.Note($"Sandbox listening at {sandbox.BaseUrl} (127.0.0.1 only; no vendor account needed).");
            var steps = new List<DemoStep>();
            await RunEngageAsync(context, sandbox, parse.GetValue(destinations), steps, cancellationToken).ConfigureAwait(false);

            if (context.Json)
                context.WriteJson(new { sandbox = sandbox.BaseUrl, steps });
            var failed = steps.Count(s => !s.AsExpected);
            if (!context.Json)
                context.Console.MarkupLineInterpolated($"[bold]{steps.Count - failed} of {steps.Count} demo steps behaved as documented.[/]");
            return failed == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
        });
        return command;
    }

    private static async Task RunEngageAsync(CommandContext context, SandboxServer sandbox, int count, List<DemoStep> steps, CancellationToken cancellationToken)
    {
        var say = (string text) => { if (!context.Json) context.Console.MarkupLine(text); };
        say("[bold underline]ENGAGE Federated Batch Push[/]");
        using var client = new EngageClient(sandbox.CreateEngageClientOptions() is var o ? Adjust(o) : null!);

        var health = await client.CheckTokenHealthAsync(cancellationToken).ConfigureAwait(false);
        steps.Add(Record(say, "engage.token", $"token granted and healthy ({health.Message}); token requests so far: {sandbox.Engage.TokenRequests}", sandbox.Engage.TokenRequests == 1));

        // A batch with a few numbers that are not E.164: the SDK rejects those itself and sends the rest.
        var push = EngagePush.FromANumbers(EngageSandboxOptions.DemoProgram, ["+5014008029", "+5013509988"]) with { TtlSeconds = EngagePush.RecommendedTtlSeconds };
        var tally = new BatchTally();
        await ProgressView.RunAsync(context, $"Pushing to {count:N0} destinations", count, async advance =>
        {
            await foreach (var result in client.PushInChunksAsync(push, Destinations(count), cancellationToken).ConfigureAwait(false))
            {
                tally.Add(result);
                advance(result.Items.Count);
            }
        }).ConfigureAwait(false);
        var invalid = Destinations(count).Count(d => d.BNumber.Contains(' ', StringComparison.Ordinal));
        if (!context.Json)
            BatchSummaryView.Print(context, "ENGAGE batch push", tally, cancelled: false, sandbox: true);
        steps.Add(Record(say, "engage.batch",
            $"{tally.Accepted:N0} accepted in {sandbox.Engage.AcceptedPushes} requests, {tally.Rejected} rejected by validation before sending, {tally.NotAttempted} not attempted",
            tally.Accepted == count - invalid && tally.Rejected == invalid && sandbox.Engage.AcceptedDestinations == count - invalid));

        // Tokens expire mid-run: the client gets a new one once and carries on.
        var tokensBefore = sandbox.Engage.TokenRequests;
        sandbox.Engage.ExpireCredentials();
        await client.PushAsync(push, [new Destination { BNumber = "+15018902005" }], cancellationToken).ConfigureAwait(false);
        steps.Add(Record(say, "engage.token-refresh", $"token expired server-side; the client refreshed it once and the push went through (token requests: {tokensBefore} -> {sandbox.Engage.TokenRequests})", sandbox.Engage.TokenRequests == tokensBefore + 1));

        // An aNumber the account does not own: ENGAGE answers HTTP 200 with errorCode 200, which is a failure.
        var refused = EngagePush.FromANumbers(EngageSandboxOptions.DemoProgram, ["+15559999999"]);
        var report = await client.PushAllAsync(refused, Destinations(5_000), cancellationToken: cancellationToken).ConfigureAwait(false);
        var reason = report.Rejected.Select(r => r.Failure).FirstOrDefault(f => f.Kind == BatchFailureKind.VendorRejected);
        steps.Add(Record(say, "engage.refused",
            $"unowned aNumber: {report.RejectedCount} rejected (\"{reason?.Reason}\", error code {reason?.ErrorCode}), {report.NotAttemptedCount} not attempted after the batch stopped",
            report.RejectedCount > 0 && report.NotAttemptedCount > 0 && report.AcceptedCount == 0 && reason?.ErrorCode == "200" && report.TotalCount == 5_000));
    }

    private static EngageClientOptions Adjust(EngageClientOptions options)
    {
        options.BatchSize = 500;
        return options;
    }

    private static IEnumerable<Destination> Destinations(int count)
    {
        for (var i = 0; i < count; i++)
        {
            // Every 1,000th number is written with spaces, as people do: not E.164.
            var number = i % 1000 == 999 ? $"+1 555 {i:D7}" : $"+1555{i:D7}";
            yield return new Destination { BNumber = number, CustomTrackingId = $"demo-{i}" };
        }
    }

    private static DemoStep Record(Action<string> say, string name, string what, bool asExpected)
    {
        say($"{(asExpected ? "[green]ok[/]" : "[red]UNEXPECTED[/]")}  {Spectre.Console.Markup.Escape(what)}");
        return new DemoStep(name, what, asExpected);
    }

    private sealed record DemoStep(string Name, string What, bool AsExpected);
}
