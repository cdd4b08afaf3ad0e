using System.CommandLine;
using System.CommandLine.Parsing;
using Contracts.Cli.Accengage;
using Contracts.Cli.Demo;
using Contracts.Cli.Engage;
using Contracts.Cli.Ogangi;
using Contracts.Cli.Onc;
using Contracts.Cli.Sandbox;

namespace Contracts.Cli;

/// <summary>The `notify` command tree.</summary>
public static class NotifyApp
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand Create() => Create(new GlobalOptions());

    private static RootCommand Create(GlobalOptions globals)
    {
        var root = new RootCommand(
            "notify: send notifications through ENGAGE, Ogangi, Accengage and ONC from a terminal or a script.\n" +
            "Credentials come from NOTIFY_<VENDOR>__<OPTION> variables or --settings; without them a command fails (exit 2).\n" +
            "--sandbox (or NOTIFY_SANDBOX=1) sends to the embedded sandbox (127.0.0.1) instead: nothing reaches a real person.\n" +
            ExitCodes.Describe())
        {
            globals.Json,
            globals.Settings,
            globals.Sandbox,
            globals.Verbose,
            DemoCommand.Create(globals),
            SandboxCommand.Create(globals),
            new Command("engage", "First Orion ENGAGE Federated Batch Push.") { EngagePushCommand.Create(globals) },
            OgangiCommand.Create(globals),
            AccengageCommand.Create(globals),
            OncCommand.Create(globals),
        };
        AddExitCodesToHelp(root);
        return root;
    }

    // Every command that does something shows the same map in its own --help, so nobody has to find the root's.
    private static void AddExitCodesToHelp(Command command)
    {
        foreach (var subcommand in command.Subcommands)
        {
            if (subcommand.Action is not null)
                subcommand.Description += "\n" + ExitCodes.Describe();
            AddExitCodesToHelp(subcommand);
        }
    }

    /// <summary>Parses and runs <paramref name="args"/>.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        // notify handles Ctrl-C and SIGTERM itself (see Interruption), not System.CommandLine.
        var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null };
        if (output is not null)
            configuration.Output = output;
        if (error is not null)
            configuration.Error = error;
        // Whatever a command lets escape is mapped here, not printed by System.CommandLine as a stack trace with exit 1.
        configuration.EnableDefaultExceptionHandler = false;
        var globals = new GlobalOptions();
        return InvokeAsync(Create(globals).Parse(args), globals, configuration, cancellationToken);
    }

    // System.CommandLine answers a usage error with exit code 1, which notify documents as "some items failed", and
    // prints the help on standard output, where a script expects --json. A command line that does not parse is invalid
    // input (nothing was sent): its errors and a pointer to --help go to standard error. A bare `notify` shows the help.
    private static async Task<int> InvokeAsync(ParseResult parse, GlobalOptions globals, InvocationConfiguration configuration, CancellationToken cancellationToken)
    {
        if (parse.Errors.Count == 0 || parse.Tokens.Count == 0)
        {
            using var interruption = Interruption.Listen(cancellationToken);
            try
            {
                var exitCode = await parse.InvokeAsync(configuration, interruption.Stop).ConfigureAwait(false);
                return interruption.Stop.IsCancellationRequested && exitCode != ExitCodes.InvalidInput ? ExitCodes.Cancelled : exitCode;
            }
            catch (Exception ex)
            {
                return CommandFailures.Report(ex, configuration.Error, parse.GetValue(globals.Verbose), interruption.Stop.IsCancellationRequested);
            }
        }

        foreach (var error in parse.Errors)
            await configuration.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
        await configuration.Error.WriteLineAsync($"Run '{CommandPath(parse.CommandResult)} --help' for usage.").ConfigureAwait(false);
        return ExitCodes.InvalidInput;
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new Stack<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: var symbol })
                names.Push(symbol is RootCommand ? "notify" : symbol.Name);
        }
        return string.Join(' ', names);
    }
}
