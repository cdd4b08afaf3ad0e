using Contracts.Cli.Output;
using Contracts.Core.Batching;

namespace Contracts.Cli.Tests;

/// <summary>
/// Items the vendor may have (sent, no answer saying what became of them: an ONC contact whose AddCampaignContact
/// timed out or got a 5xx) are counted apart from those never sent: "not attempted" tells the user that sending
/// them again cannot add them twice, which is not true of these.
/// </summary>
public sealed class BatchTallyTests
{
    [Fact]
    public void Unknown_items_are_counted_apart_from_not_attempted_ones_and_fail_the_run()
    {
        var tally = new BatchTally();
        var unknown = new BatchFailure(BatchFailureKind.TransportError, "no complete answer within the timeout", statusCode: null);
        tally.Add(new BatchChunkResult<string>(0, ["accepted"], BatchItemOutcome.Accepted, null, null));
        tally.Add(new BatchChunkResult<string>(1, ["sent, no answer", "sent, no answer either"], BatchItemOutcome.Unknown, unknown, null));

        var summary = BatchSummaryView.Describe("ONC contacts", tally, cancelled: false, sandbox: true);

        Assert.Equal((1L, 0L, 0L, 2L, 3L), (tally.Accepted, tally.Rejected, tally.NotAttempted, tally.Unknown, tally.Total));
        Assert.Equal((2L, 0L), ((long)summary["unknown"]!, (long)summary["notAttempted"]!));
        Assert.Equal(BatchItemOutcome.Unknown, Assert.Single(tally.Failures).Outcome);
        Assert.Equal(ExitCodes.PartialFailure, ExitCodes.ForBatch(tally, cancelled: false));
    }

    [Fact]
    public void A_reason_per_item_does_not_make_a_group_per_item()
    {
        var tally = new BatchTally();
        for (var i = 0; i < 5_000; i++)
            tally.Add(new BatchChunkResult<int>(i, [i], BatchItemOutcome.Rejected, new BatchFailure(BatchFailureKind.InvalidInput, $"RetryCount must be between 0 and 255 (got {256 + i})."), null));

        Assert.Equal(5_000L, tally.Rejected);
        Assert.Equal(1_001, tally.Failures.Count);
        Assert.Equal(5_000L, tally.Failures.Sum(f => f.Count));
        Assert.Equal(4_000L, tally.Failures.Single(f => f.Reason.StartsWith("Other reasons", StringComparison.Ordinal)).Count);
    }
}
