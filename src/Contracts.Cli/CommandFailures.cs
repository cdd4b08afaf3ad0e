using System.ServiceModel;
using Contracts.Core;
using Contracts.Cli.Onc;
using Contracts.Core.Paging;
using Contracts.Ogangi;
using Contracts.Onc;
using Microsoft.Extensions.Options;

namespace Contracts.Cli;

/// <summary>
/// The one place that turns what a command throws into the documented exit codes (<see cref="ExitCodes.Map"/>), with a
/// one-line reason on standard error and the stack trace only under --verbose.
/// </summary>
public static class CommandFailures
{
    /// <summary>Runs <paramref name="work"/> and returns its exit code, or the code of what it threw (see <see cref="Report"/>).</summary>
    public static async Task<int> RunAsync(CommandContext context, Func<Task<int>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return Report(ex, context.Error, context.Verbose, cancellationToken.IsCancellationRequested, context.UseSandbox);
        }
    }

    /// <summary>Writes what went wrong to <paramref name="error"/> (one line; the details with <paramref name="verbose"/>) and returns its exit code.</summary>
    /// <param name="exception">What the command threw.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="verbose">Whether --verbose asked for the details.</param>
    /// <param name="cancelled">Whether the user cancelled the run.</param>
    /// <param name="sandbox">Whether the command talked to the embedded sandbox (whose ONC error codes notify can name).</param>
    public static int Report(Exception exception, TextWriter error, bool verbose, bool cancelled, bool sandbox = false)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        var (code, message) = Classify(exception, cancelled);
        if ((exception as OncException ?? exception.InnerException as OncException) is { Code: { } oncCode })
            message += $" ({OncErrorCodes.Explain(oncCode, sandbox)})";
        error.WriteLine(message);
        if (exception is OgangiException { IsBadSignature: true })
            error.WriteLine($"hint: check the instance id, public key and private key ({CliSettings.EnvironmentPrefix}OGANGI__INSTANCEID, __PUBLICKEY, __PRIVATEKEY).");
        if (verbose)
            error.WriteLine(exception.ToString());
        else if (code == ExitCodes.PartialFailure)
            error.WriteLine("Run with --verbose for the details.");
        return code;
    }

    // Order matters: PagingException is an InvalidOperationException, MissingCredentialsException an ArgumentException,
    // VendorTimeoutException a VendorApiException. The messages of the SDK's exceptions and of the transport name the
    // vendor and the host at most, never a credential.
    private static (int Code, string Message) Classify(Exception exception, bool cancelled) => exception switch
    {
        OperationCanceledException when cancelled => (ExitCodes.Cancelled, "Cancelled."),
        PagingException paging => (ExitCodes.VendorError, $"error: {paging.Message}"),
        VendorTimeoutException timeout => (ExitCodes.VendorError, $"error: the vendor did not answer in time: {timeout.Message}"),
        VendorApiException refused => (ExitCodes.VendorError, $"error: {refused.Message}"),
        TaskCanceledException { InnerException: TimeoutException } => (ExitCodes.VendorError, "error: the vendor did not answer in time."),
        TimeoutException or HttpRequestException or CommunicationException
            => (ExitCodes.VendorError, $"error: the vendor could not be reached or did not answer in time ({exception.Message})"),
        OptionsValidationException or FormatException or ArgumentException or InvalidDataException or InvalidOperationException
            => (ExitCodes.InvalidInput, $"error: {exception.Message}"),
        // An input file that cannot be read (missing, a directory, no permission) or an output file that cannot be written.
        UnauthorizedAccessException or FileNotFoundException or DirectoryNotFoundException
            => (ExitCodes.InvalidInput, $"error: a file could not be read or written: {exception.Message}"),
        IOException => (ExitCodes.InvalidInput, $"error: {exception.Message}"),
        // A bug, not a situation of the map: still one line, with the details under --verbose.
        _ => (ExitCodes.PartialFailure, $"error: notify failed unexpectedly ({exception.GetType().Name}): {exception.Message}"),
    };
}
