using System.CommandLine;
using System.CommandLine.Parsing;

namespace Contracts.Cli;

/// <summary>Whether a command line gave an option, for a command's checks that one of two options is given.</summary>
internal static class OptionPresence
{
    /// <summary>
    /// True when <paramref name="option"/> has a value on the command line. Reads the tokens, not the value: a value
    /// that failed to parse (<c>--group not-a-uuid</c>) has its own error already, and reading it would throw.
    /// </summary>
    public static bool Gives(this CommandResult command, Option option) => command.GetResult(option) is { Tokens.Count: > 0 };
}
