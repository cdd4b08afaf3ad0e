using System.CommandLine;
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
    public static RootCommand Create()
    {
        var globals = new GlobalOptions();
        var root = new RootCommand(
            "notify: send notifications through ENGAGE, Ogangi, Accengage and ONC from a terminal or a script.\n" +
            "Without credentials every command runs against the embedded sandbox (127.0.0.1) and says so.\n" +
            $"Exit codes: {ExitCodes.Success} all accepted, {ExitCodes.PartialFailure} some items rejected or not attempted, " +
            $"{ExitCodes.InvalidInput} invalid input (nothing sent), {ExitCodes.VendorError} vendor refused or unreachable, {ExitCodes.Cancelled} cancelled.")
        {
            globals.Json,
            globals.Settings,
            DemoCommand.Create(globals),
            SandboxCommand.Create(globals),
            new Command("engage", "First Orion ENGAGE Federated Batch Push.") { EngagePushCommand.Create(globals) },
            OgangiCommand.Create(globals),
            AccengageCommand.Create(globals),
            OncCommand.Create(globals),
        };
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration();
        if (output is not null)
            configuration.Output = output;
        if (error is not null)
            configuration.Error = error;
        return InvokeAsync(Create().Parse(args), configuration, cancellationToken);
    }

    // System.CommandLine exits 1 on a usage error, which notify documents as "some items failed": a command line that
    // does not parse is invalid input, and nothing was sent.
    private static async Task<int> InvokeAsync(ParseResult parse, InvocationConfiguration configuration, CancellationToken cancellationToken)
    {
        var exitCode = await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        return parse.Errors.Count > 0 ? ExitCodes.InvalidInput : exitCode;
    }
}
