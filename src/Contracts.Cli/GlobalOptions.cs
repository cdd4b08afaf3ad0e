using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace Contracts.Cli;

/// <summary>Options every command accepts: --json and --settings.</summary>
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

    /// <summary>The writers and format a command uses.</summary>
    public CommandContext CreateContext(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var configuration = parse.InvocationConfiguration;
        var output = configuration.Output;
        return new CommandContext(output, configuration.Error, parse.GetValue(Json), interactive: ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);
    }

    /// <summary>The credentials configuration: settings file, then environment.</summary>
    public IConfiguration LoadSettings(ParseResult parse) => CliSettings.Load(parse.GetValue(Settings));
}
