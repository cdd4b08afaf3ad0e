namespace Contracts.Core.Batching;

/// <summary>What a vendor's chunk sender reports back to <see cref="ChunkedBatchRunner"/> for one request.</summary>
public readonly record struct ChunkSendResult
{
    private ChunkSendResult(BatchItemOutcome outcome, BatchFailure? failure, string? requestId, bool stopBatch)
    {
        Outcome = outcome;
        Failure = failure;
        RequestId = requestId;
        StopBatch = stopBatch;
    }

    /// <summary>What happened to the chunk.</summary>
    public BatchItemOutcome Outcome { get; }

    /// <summary>Why it was not accepted.</summary>
    public BatchFailure? Failure { get; }

    /// <summary>The vendor's request id.</summary>
    public string? RequestId { get; }

    /// <summary>True when the failure applies to every later request too, so sending more is pointless.</summary>
    public bool StopBatch { get; }

    /// <summary>The vendor accepted the chunk.</summary>
    public static ChunkSendResult Accepted(string? requestId) => new(BatchItemOutcome.Accepted, null, requestId, false);

    /// <summary>The vendor refused the chunk.</summary>
    public static ChunkSendResult Rejected(BatchFailure failure, bool stopBatch)
        => new(BatchItemOutcome.Rejected, failure ?? throw new ArgumentNullException(nameof(failure)), failure.RequestId, stopBatch);

    /// <summary>The chunk left but its fate is unknown: the vendor may have it.</summary>
    public static ChunkSendResult Unknown(BatchFailure failure, bool stopBatch)
        => new(BatchItemOutcome.Unknown, failure ?? throw new ArgumentNullException(nameof(failure)), failure.RequestId, stopBatch);

    /// <summary>The chunk was not sent (for example, no token could be obtained).</summary>
    public static ChunkSendResult NotAttempted(BatchFailure failure, bool stopBatch)
        => new(BatchItemOutcome.NotAttempted, failure ?? throw new ArgumentNullException(nameof(failure)), null, stopBatch);
}
