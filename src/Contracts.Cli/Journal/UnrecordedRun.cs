using System.Globalization;
using Contracts.Cli.Output;

namespace Contracts.Cli.Journal;

/// <summary>
/// A batch run whose journal (<c>--outcomes</c>) or failures file (<c>--failures</c>) could not be written after
/// requests had left: the run stopped starting requests, let those on the wire finish and counted every item in its
/// summary; what remains is to say which file is incomplete and what to do, and to end with exit 1.
/// </summary>
/// <param name="Failure">The write that failed, naming the file.</param>
/// <param name="IsJournal">Whether the file is the run journal (<c>--outcomes</c>/<c>--resume</c>), which <c>--resume</c> reads.</param>
/// <param name="ItemsSent">How many items had left in requests.</param>
internal sealed record UnrecordedRun(OutputFileException Failure, bool IsJournal, long ItemsSent)
{
    /// <summary>Writes what happened and what to do to standard error (after the summary) and returns the exit code.</summary>
    /// <param name="context">Where to write.</param>
    /// <param name="cancelled">Whether the run was also cancelled (Ctrl-C), whose code then stands.</param>
    public int Report(CommandContext context, bool cancelled)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sent = ItemsSent.ToString("N0", CultureInfo.InvariantCulture);
        context.Error.WriteLine(
            $"error: {Failure.Message.TrimEnd('.')}. {sent} items had been sent by then: no request started after it, those on the wire were "
            + "answered, and the summary counts every item (those not attempted were never sent).");
        context.Error.WriteLine(IsJournal
            ? $"The journal {Failure.Path} is incomplete: items answered after the failure may show InFlight there, so --resume "
              + "takes them as unknown and does not send them again, but --resend-unknown would send some that were accepted a "
              + "second time. Free the space, then run again with --resume (without --resend-unknown) to send the items not attempted."
            : $"{Failure.Path} is incomplete: the items not accepted after the failure are missing from it; the summary counts "
              + "them. Free the space before running again, and do not simply rerun the same command: the items accepted would "
              + "be sent twice (with --outcomes, run again with --resume).");
        return cancelled ? ExitCodes.Cancelled : ExitCodes.PartialFailure;
    }
}
