using Contracts.Cli.Engage;
using Contracts.Cli.Output;
using Contracts.Core.Batching;
using Contracts.Engage;
using Contracts.Sandbox;
using Contracts.Sandbox.Engage;

namespace Contracts.Cli.Demo;

/// <summary>ENGAGE in the demo: token, a streamed batch with invalid numbers, the sandbox's program and group for `engage push --sandbox`, tokens expiring mid-run, an unowned aNumber.</summary>
internal sealed class EngageDemo(int destinations) : IVendorDemo
{
    public string Title => "ENGAGE Federated Batch Push";

    public async Task RunAsync(CommandContext context, SandboxServer sandbox, DemoSteps steps, CancellationToken cancellationToken)
    {
        var options = sandbox.CreateEngageClientOptions();
        options.BatchSize = 500;
        using var client = new EngageClient(options);

        var health = await client.CheckTokenHealthAsync(cancellationToken);
        steps.Record("engage.token", $"token granted and healthy ({health.Message}); token requests so far: {sandbox.Engage.TokenRequests}", sandbox.Engage.TokenRequests == 1);

        // A batch with a few numbers that are not E.164: the SDK rejects those itself and sends the rest.
        var push = EngagePush.FromANumbers(EngageSandboxOptions.DemoProgram, ["+5014008029", "+5013509988"]) with { TtlSeconds = EngagePush.RecommendedTtlSeconds };
        var tally = new BatchTally(EngagePushCommand.InvalidNumberGroup);
        await ProgressView.RunAsync(context, $"Pushing to {destinations:N0} destinations", destinations, async advance =>
        {
            await foreach (var result in client.PushInChunksAsync(push, Destinations(destinations), cancellationToken))
            {
                tally.Add(result);
                advance(result.Items.Count);
            }
        });
        var invalid = Destinations(destinations).Count(d => d.BNumber.Contains(' ', StringComparison.Ordinal));
        if (!context.Json)
            BatchSummaryView.Print(context, "ENGAGE batch push", tally, cancelled: false, sandbox: true);
        steps.Record("engage.batch",
            $"{tally.Accepted:N0} accepted in {sandbox.Engage.AcceptedPushes} requests, {tally.Rejected} rejected by validation before sending, {tally.Unknown} unknown, {tally.NotAttempted} not attempted",
            tally.Accepted == destinations - invalid && tally.Rejected == invalid && tally.Unknown == 0 && sandbox.Engage.AcceptedDestinations == destinations - invalid);

        // The program and aNumber group the sandbox knows, shown with the command that uses them: `engage push` needs
        // both, and nobody can guess a UUID.
        var byGroup = await client.PushAllAsync(EngagePush.FromANumberGroup(EngageSandboxOptions.DemoProgram, EngageSandboxOptions.DemoANumberGroup), [new Destination { BNumber = "+15018902005" }], cancellationToken: cancellationToken);
        steps.Record("engage.try-it",
            $"sandbox program {EngageSandboxOptions.DemoProgram} and aNumber group {EngageSandboxOptions.DemoANumberGroup} accept a push ({byGroup.AcceptedCount} accepted); " +
            $"try them: notify engage push --sandbox --file numbers.txt --program {EngageSandboxOptions.DemoProgram} --group {EngageSandboxOptions.DemoANumberGroup}",
            byGroup.AcceptedCount == 1);

        // Tokens expire mid-run: the client gets a new one once and carries on.
        var tokensBefore = sandbox.Engage.TokenRequests;
        sandbox.Engage.ExpireCredentials();
        await client.PushAsync(push, [new Destination { BNumber = "+15018902005" }], cancellationToken);
        steps.Record("engage.token-refresh", $"token expired server-side; the client refreshed it once and the push went through (token requests: {tokensBefore} -> {sandbox.Engage.TokenRequests})", sandbox.Engage.TokenRequests == tokensBefore + 1);

        // An aNumber the account does not own: ENGAGE answers HTTP 200 with errorCode 200, which is a failure.
        var refused = EngagePush.FromANumbers(EngageSandboxOptions.DemoProgram, ["+15559999999"]);
        var report = await client.PushAllAsync(refused, Destinations(5_000), cancellationToken: cancellationToken);
        var reason = report.Rejected.Select(r => r.Failure).FirstOrDefault(f => f.Kind == BatchFailureKind.VendorRejected);
        steps.Record("engage.refused",
            $"unowned aNumber: {report.RejectedCount} rejected (\"{reason?.Reason}\", error code {reason?.ErrorCode}), {report.NotAttemptedCount} not attempted after the batch stopped",
            report.RejectedCount > 0 && report.NotAttemptedCount > 0 && report.AcceptedCount == 0 && reason?.ErrorCode == "200" && report.TotalCount == 5_000);
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
}
