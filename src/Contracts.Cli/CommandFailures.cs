using Contracts.Core;
using Microsoft.Extensions.Options;

namespace Contracts.Cli;

/// <summary>Turns the failures every command can meet into its documented exit code and one line on standard error.</summary>
internal static class CommandFailures
{
    /// <summary>
    /// Runs <paramref name="command"/>: bad options or input exit <see cref="ExitCodes.InvalidInput"/>; a vendor refusal
    /// or an unreachable vendor exits <see cref="ExitCodes.VendorError"/>.
    /// </summary>
    public static async Task<int> RunAsync(CommandContext context, Func<Task<int>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OptionsValidationException or FormatException or ArgumentException)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is VendorApiException or HttpRequestException)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.VendorError;
        }
    }
}
