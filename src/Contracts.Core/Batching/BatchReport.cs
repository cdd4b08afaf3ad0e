namespace Contracts.Core.Batching;

/// <summary>
/// Everything a finished batch did, item by item: accepted, rejected (with why), unknown (the vendor may have it,
/// with why) and not attempted (with why).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// Keeps every rejected and not-attempted item; accepted items are kept only when asked, so a report of a huge,
/// healthy batch stays small. For flat memory whatever happens, consume the result stream directly instead.
/// </remarks>
public sealed class BatchReport<T>
{
    private readonly bool _keepAccepted;
    private readonly List<T> _accepted = [];
    private readonly List<BatchItemFailure<T>> _rejected = [];
    private readonly List<BatchItemFailure<T>> _notAttempted = [];
    private readonly List<BatchItemFailure<T>> _unknown = [];
    private readonly List<string> _requestIds = [];

    /// <summary>Creates an empty report.</summary>
    /// <param name="keepAcceptedItems">Whether <see cref="Accepted"/> keeps the items themselves, or only counts them.</param>
    public BatchReport(bool keepAcceptedItems = true) => _keepAccepted = keepAcceptedItems;

    /// <summary>How many items were accepted.</summary>
    public long AcceptedCount { get; private set; }

    /// <summary>How many items were rejected.</summary>
    public long RejectedCount => _rejected.Count;

    /// <summary>How many items were not attempted.</summary>
    public long NotAttemptedCount => _notAttempted.Count;

    /// <summary>How many items may or may not have reached the vendor.</summary>
    public long UnknownCount => _unknown.Count;

    /// <summary>Every item seen.</summary>
    public long TotalCount => AcceptedCount + RejectedCount + NotAttemptedCount + UnknownCount;

    /// <summary>True when every item was accepted.</summary>
    public bool AllAccepted => RejectedCount == 0 && NotAttemptedCount == 0 && UnknownCount == 0;

    /// <summary>The accepted items (empty when the report only counts them).</summary>
    public IReadOnlyList<T> Accepted => _accepted;

    /// <summary>The rejected items and why.</summary>
    public IReadOnlyList<BatchItemFailure<T>> Rejected => _rejected;

    /// <summary>The items never sent and why.</summary>
    public IReadOnlyList<BatchItemFailure<T>> NotAttempted => _notAttempted;

    /// <summary>The items whose request left without an answer that says what happened: the vendor may have them.</summary>
    public IReadOnlyList<BatchItemFailure<T>> Unknown => _unknown;

    /// <summary>The vendor request ids of the accepted requests, in completion order.</summary>
    public IReadOnlyList<string> AcceptedRequestIds => _requestIds;

    /// <summary>Adds one result.</summary>
    public void Add(BatchChunkResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case BatchItemOutcome.Accepted:
                AcceptedCount += result.Items.Count;
                if (_keepAccepted)
                    _accepted.AddRange(result.Items);
                if (result.RequestId is { } id)
                    _requestIds.Add(id);
                break;
            case BatchItemOutcome.Rejected:
                foreach (var item in result.Items)
                    _rejected.Add(new BatchItemFailure<T>(item, result.Failure!));
                break;
            case BatchItemOutcome.Unknown:
                foreach (var item in result.Items)
                    _unknown.Add(new BatchItemFailure<T>(item, result.Failure!));
                break;
            default:
                foreach (var item in result.Items)
                    _notAttempted.Add(new BatchItemFailure<T>(item, result.Failure!));
                break;
        }
    }

    /// <summary>Reads a whole result stream into a report.</summary>
    public static async Task<BatchReport<T>> CollectAsync(IAsyncEnumerable<BatchChunkResult<T>> results, bool keepAcceptedItems = true)
    {
        ArgumentNullException.ThrowIfNull(results);
        var report = new BatchReport<T>(keepAcceptedItems);
        await foreach (var result in results.ConfigureAwait(false))
            report.Add(result);
        return report;
    }

    /// <inheritdoc />
    public override string ToString()
        => $"{TotalCount} items: {AcceptedCount} accepted, {RejectedCount} rejected, {UnknownCount} unknown, {NotAttemptedCount} not attempted";
}

/// <summary>One item that was not accepted, and why.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Item">The item.</param>
/// <param name="Failure">Why it was not accepted.</param>
public readonly record struct BatchItemFailure<T>(T Item, BatchFailure Failure);
