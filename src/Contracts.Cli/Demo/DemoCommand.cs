using System.CommandLine;
using Contracts.Sandbox;
using Spectre.Console;

namespace Contracts.Cli.Demo;

/// <summary>
/// `notify demo`: drives every vendor end to end against the embedded sandbox and prints what happened. Needs no
/// account and no network beyond 127.0.0.1. Each vendor's part is a <see cref="IVendorDemo"/>.
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
            await using var sandbox = await SandboxServer.StartAsync(cancellationToken: cancellationToken);
            context.Note($"Sandbox listening at {sandbox.BaseUrl} (127.0.0.1 only; no vendor account needed).");
            IVendorDemo[] demos = [new EngageDemo(parse.GetValue(destinations)), new OgangiDemo(), new AccengageDemo(), new OncDemo(contacts: 200)];
            var steps = new DemoSteps(context);
            foreach (var demo in demos)
            {
                steps.Heading(demo.Title);
                await demo.RunAsync(context, sandbox, steps, cancellationToken);
            }

            if (context.Json)
                context.WriteJson(new { sandbox = sandbox.BaseUrl, steps = steps.All });
            var failed = steps.All.Count(s => !s.AsExpected);
            if (!context.Json)
                context.Console.MarkupLineInterpolated($"[bold]{steps.All.Count - failed} of {steps.All.Count} demo steps behaved as documented.[/]");
            return failed == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
        });
        return command;
    }
}
