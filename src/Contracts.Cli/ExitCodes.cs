using Contracts.Cli.Output;
using Contracts.Core.Batching;

namespace Contracts.Cli;

/// <summary>The exit codes every notify command uses (documented in the README and in --help).</summary>
public static class ExitCodes
{
    /// <summary>Everything was accepted.</summary>
    public const int Success = 0;

    /// <summary>The run finished but some items were rejected, not attempted or unknown (the vendor may have them); the summary says which.</summary>
    public const int PartialFailure = 1;

    /// <summary>Bad arguments or input; nothing was sent.</summary>
    public const int InvalidInput = 2;

    /// <summary>The vendor refused the call (credentials, configuration) or could not be reached.</summary>
    public const int VendorError = 3;

    /// <summary>Cancelled (Ctrl+C); the summary lists what was not attempted.</summary>
    public const int Cancelled = 130;

    /// <summary>
    /// The exit code of a batch run: <see cref="Cancelled"/>, <see cref="VendorError"/> when nothing was accepted because
    /// the vendor refused the credentials, <see cref="Success"/> when every item was accepted, else <see cref="PartialFailure"/>.
    /// </summary>
    public static int ForBatch(BatchTally tally, bool cancelled)
    {
        ArgumentNullException.ThrowIfNull(tally);
        if (cancelled)
            return Cancelled;
        if (tally.Total > 0 && tally.Accepted == 0 && tally.Failures.Any(f => f.Kind is BatchFailureKind.AuthenticationFailed))
            return VendorError;
        return tally.Rejected + tally.NotAttempted + tally.Unknown == 0 ? Success : PartialFailure;
    }
}
