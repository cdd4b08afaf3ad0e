namespace Contracts.Core.Batching;

/// <summary>The outcome shared by a group of items: those of one request, or items refused before sending.</summary>
/// <typeparam name="T">The item type, e.g. an ENGAGE destination.</typeparam>
public sealed class BatchChunkResult<T>
{
    /// <summary>Creates a result.</summary>
    public BatchChunkResult(long chunkIndex, IReadOnlyList<T> items, BatchItemOutcome outcome, BatchFailure? failure, string? requestId)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (outcome != BatchItemOutcome.Accepted && failure is null)
            throw new ArgumentException("A result other than accepted needs a failure.", nameof(failure));
        ChunkIndex = chunkIndex;
        Items = items;
        Outcome = outcome;
        Failure = failure;
        RequestId = requestId ?? failure?.RequestId;
    }

    /// <summary>Position of the chunk in the input, from 0: chunk k holds input items k*size to (k+1)*size-1.</summary>
    public long ChunkIndex { get; }

    /// <summary>The items this outcome applies to.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>What happened to them.</summary>
    public BatchItemOutcome Outcome { get; }

    /// <summary>Why they were not accepted; null when accepted.</summary>
    public BatchFailure? Failure { get; }

    /// <summary>The vendor's request id for the request that carried the items, when there was one.</summary>
    public string? RequestId { get; }
}
