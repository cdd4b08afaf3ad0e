using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace Contracts.Cli;

/// <summary>Options every command accepts: --json, --settings, --sandbox and --verbose.</summary>
public sealed class GlobalOptions
{
    /// <summary>Print the result as JSON on standard output (notes go to standard error).</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the result as JSON on standard output, for scripts (notes go to standard error).",
        Recursive = true,
    };

    /// <summary>A JSON settings file with vendor credentials.</summary>
    public Option<FileInfo> Settings { get; } = new Option<FileInfo>("--settings")
    {
        Description = "JSON settings file with vendor credentials, e.g. {\"Engage\":{\"ClientId\":\"...\",\"ClientSecret\":\"...\"}}. Environment variables (NOTIFY_ENGAGE__CLIENTID, ...) override it.",
        Recursive = true,
    }.AcceptExistingOnly();

    /// <summary>Talk to the embedded sandbox instead of the vendor.</summary>
    public Option<bool> Sandbox { get; } = new("--sandbox")
    {
        Description = $"Send to the embedded sandbox (127.0.0.1) instead of the vendor; nothing reaches a real person. Also {CliSettings.SandboxVariable}=1. Without it, a command with no credentials fails (exit 2): it never falls back to the sandbox.",
        Recursive = true,
    };

    /// <summary>Print the details (stack trace) of a failure, not only its one-line reason.</summary>
    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "On a failure, print its details (stack trace) after the one-line reason.",
        Recursive = true,
    };

    /// <summary>The writers and format a command uses.</summary>
    public CommandContext CreateContext(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var configuration = parse.InvocationConfiguration;
        var output = configuration.Output;
        return new CommandContext(output, configuration.Error, parse.GetValue(Json), interactive: ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            UseSandbox = parse.GetValue(Sandbox) || CliSettings.SandboxRequestedByEnvironment(),
            Verbose = parse.GetValue(Verbose),
        };
    }

    /// <summary>The credentials configuration: settings file, then environment; unknown variables and settings are warned about on standard error.</summary>
    public IConfiguration LoadSettings(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var error = parse.InvocationConfiguration.Error;
        return CliSettings.Load(parse.GetValue(Settings), error.WriteLine);
    }
}
