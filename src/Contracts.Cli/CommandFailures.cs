using System.ServiceModel;
using Contracts.Core;
using Microsoft.Extensions.Options;

namespace Contracts.Cli;

/// <summary>How every command turns what its work throws into the documented exit codes, with the reason on standard error.</summary>
public static class CommandFailures
{
    /// <summary>Runs <paramref name="work"/>; bad input exits <see cref="ExitCodes.InvalidInput"/>, a vendor refusal or an unreachable vendor <see cref="ExitCodes.VendorError"/>.</summary>
    public static async Task<int> RunAsync(CommandContext context, Func<Task<int>> work)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OptionsValidationException or FormatException or ArgumentException or InvalidDataException)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An input file that cannot be read (missing, a directory, no permission): bad input, nothing sent.
            context.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (VendorApiException ex)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.VendorError;
        }
        catch (Contracts.Core.Paging.PagingException ex)
        {
            // The vendor's paging misbehaved (a loop, another origin, past the page cap): what was read is printed.
            context.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.VendorError;
        }
        catch (Exception ex) when (ex is TimeoutException or HttpRequestException or CommunicationException)
        {
            // The transport's messages name the host at most, never a credential.
            context.Error.WriteLine($"error: the vendor could not be reached or did not answer in time ({ex.Message})");
            return ExitCodes.VendorError;
        }
    }
}
