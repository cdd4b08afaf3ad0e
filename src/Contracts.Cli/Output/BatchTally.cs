using Contracts.Core.Batching;

namespace Contracts.Cli.Output;

/// <summary>
/// Counts a streamed batch by outcome and groups failures by reason, in memory that does not grow with the batch:
/// the items themselves are not kept (the failures file, when asked for, receives them as they come).
/// </summary>
public sealed class BatchTally
{
    // Reasons can carry values (a refused retryCount, a vendor's request id): a million refusals could be a million
    // groups. Past this many, further reasons are counted under one group per outcome and kind, so memory stays flat
    // (the journal, --outcomes, keeps each item's own reason).
    private const int MaxGroups = 1_000;
    private const string OtherReasons = "Other reasons (too many different ones to list; --outcomes records each item's own)";

    private readonly Dictionary<(BatchItemOutcome, BatchFailureKind, string), FailureGroup> _failures = [];
    private readonly string? _invalidInputReason;

    /// <summary>Creates an empty tally.</summary>
    /// <param name="invalidInputReason">
    /// One reason to group every item the SDK refused before sending under (e.g. "not a valid E.164 number", where each
    /// refusal names its own number); null keeps each refusal's own reason.
    /// </param>
    public BatchTally(string? invalidInputReason = null) => _invalidInputReason = invalidInputReason;

    /// <summary>Accepted items.</summary>
    public long Accepted { get; private set; }

    /// <summary>Rejected items.</summary>
    public long Rejected { get; private set; }

    /// <summary>Items not attempted.</summary>
    public long NotAttempted { get; private set; }

    /// <summary>Items whose request left without an answer that says what happened: the vendor may have them.</summary>
    public long Unknown { get; private set; }

    /// <summary>All items reported.</summary>
    public long Total => Accepted + Rejected + NotAttempted + Unknown;

    /// <summary>Failures grouped by outcome, kind and reason, largest first.</summary>
    public IReadOnlyList<FailureGroup> Failures => _failures.Values.OrderByDescending(f => f.Count).ToList();

    /// <summary>Adds one result.</summary>
    public void Add<T>(BatchChunkResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var count = result.Items.Count;
        switch (result.Outcome)
        {
            case BatchItemOutcome.Accepted:
                Accepted += count;
                return;
            case BatchItemOutcome.Rejected:
                Rejected += count;
                break;
            case BatchItemOutcome.Unknown:
                Unknown += count;
                break;
            default:
                NotAttempted += count;
                break;
        }

        var failure = result.Failure!;
        var key = (result.Outcome, failure.Kind, GroupingReason(failure));
        if (!_failures.ContainsKey(key) && _failures.Count >= MaxGroups)
            key = (result.Outcome, failure.Kind, OtherReasons);
        if (!_failures.TryGetValue(key, out var group))
            _failures[key] = group = new FailureGroup(result.Outcome, failure.Kind, key.Item3, failure.StatusCode, failure.ErrorCode, failure.RequestId);
        group.Count += count;
    }

    // Invalid items may each have their own sentence; a caller can group them under one line so the summary stays short.
    private string GroupingReason(BatchFailure failure)
        => failure.Kind == BatchFailureKind.InvalidInput && _invalidInputReason is not null ? _invalidInputReason : failure.Reason;
}

/// <summary>Items that failed the same way.</summary>
public sealed class FailureGroup(BatchItemOutcome outcome, BatchFailureKind kind, string reason, int? statusCode, string? errorCode, string? firstRequestId)
{
    /// <summary>Rejected, unknown or not attempted.</summary>
    public BatchItemOutcome Outcome { get; } = outcome;

    /// <summary>The failure's category.</summary>
    public BatchFailureKind Kind { get; } = kind;

    /// <summary>The reason, as the vendor or the SDK put it.</summary>
    public string Reason { get; } = reason;

    /// <summary>The HTTP status, if any.</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>The vendor's error code, if any.</summary>
    public string? ErrorCode { get; } = errorCode;

    /// <summary>The vendor's request id of the first such failure.</summary>
    public string? FirstRequestId { get; } = firstRequestId;

    /// <summary>How many items.</summary>
    public long Count { get; set; }
}
