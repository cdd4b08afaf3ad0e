using Contracts.Cli.Output;
using Contracts.Core.Batching;

namespace Contracts.Cli;

/// <summary>The exit codes every notify command uses (the same map is printed by --help and documented in the README).</summary>
public static class ExitCodes
{
    /// <summary>Everything was accepted.</summary>
    public const int Success = 0;

    /// <summary>
    /// The run finished but some items were rejected, unknown (the vendor may have them) or not attempted; the summary
    /// says which. Also when the run's --outcomes or --failures file could not be written after requests had left: the
    /// run then starts no new request, and the summary still counts every item.
    /// </summary>
    public const int PartialFailure = 1;

    /// <summary>Bad arguments, input or settings; nothing was sent.</summary>
    public const int InvalidInput = 2;

    /// <summary>The vendor refused the credentials, program or campaign, or could not be reached or did not answer in time.</summary>
    public const int VendorError = 3;

    /// <summary>Cancelled (Ctrl+C); the summary lists what was not attempted.</summary>
    public const int Cancelled = 130;

    /// <summary>Every exit code with what it means, in order: the one map --help and the README show.</summary>
    public static IReadOnlyList<KeyValuePair<int, string>> Map { get; } =
    [
        new(Success, "all accepted"),
        new(PartialFailure, "some items not accepted: rejected, unknown (the vendor may have them) or not attempted; the summary says which; also when the --outcomes or --failures file could not be written once requests had left"),
        new(InvalidInput, "invalid input, arguments or settings: nothing was sent"),
        new(VendorError, "the vendor refused the credentials, program or campaign, or was unreachable or timed out"),
        new(Cancelled, "cancelled (Ctrl+C)"),
    ];

    /// <summary>The map as --help prints it: one code a line.</summary>
    public static string Describe()
        => "Exit codes (errors are one line on standard error; --verbose adds the stack trace):\n"
           + string.Join("\n", Map.Select(row => $"  {row.Key,3}  {row.Value}"));

    /// <summary>
    /// The exit code of a batch run: <see cref="Cancelled"/>; <see cref="VendorError"/> when nothing was accepted
    /// because the vendor refused what every request shares (credentials, program, campaign, message, list: the batch
    /// stopped, or the vendor answered 401, 403 or 404) or could not be reached; <see cref="Success"/> when every item was accepted; else <see cref="PartialFailure"/>.
    /// </summary>
    /// <param name="tally">The run's counts.</param>
    /// <param name="cancelled">Whether the run was cancelled.</param>
    /// <param name="refusalStopsBatch">
    /// Whether a vendor refusal of a request is, for this command, a refusal of what every request shares (ENGAGE:
    /// numbers are checked before sending, so a refused push means the program or the aNumbers), even when the batch
    /// was a single request and so never reached a "stopped" item.
    /// </param>
    public static int ForBatch(BatchTally tally, bool cancelled, bool refusalStopsBatch = false)
    {
        ArgumentNullException.ThrowIfNull(tally);
        if (cancelled)
            return Cancelled;
        var failures = tally.Failures;
        if (tally.Accepted == 0
            && failures.Any(f => IsVendorSide(f, refusalStopsBatch))
            && failures.All(f => f.Kind == BatchFailureKind.InvalidInput || IsVendorSide(f, refusalStopsBatch)))
            return VendorError;
        return tally.Rejected + tally.Unknown + tally.NotAttempted == 0 ? Success : PartialFailure;
    }

    // Failures that say nothing about the items themselves: the vendor refused the shared setup or never answered.
    // Items the SDK refused before sending do not hide such a failure; a vendor's refusal of single items does (1).
    private static bool IsVendorSide(FailureGroup failure, bool refusalStopsBatch) => failure.Kind switch
    {
        BatchFailureKind.AuthenticationFailed or BatchFailureKind.BatchStopped or BatchFailureKind.TransportError => true,
        // 401/403: the credentials; 404: the message, list or campaign named by every request does not exist.
        BatchFailureKind.VendorRejected => refusalStopsBatch || failure.StatusCode is 401 or 403 or 404,
        _ => false,
    };
}
