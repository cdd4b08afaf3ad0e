namespace Contracts.Core.Batching;

/// <summary>What happened to one item of a batch. Every item ends up in exactly one of these.</summary>
public enum BatchItemOutcome
{
    /// <summary>The vendor accepted the request that carried the item.</summary>
    Accepted,

    /// <summary>
    /// The item was refused: by the vendor (its answer is in the failure), by the SDK's own validation before
    /// sending, or the request failed in a way that leaves its delivery unknown.
    /// </summary>
    Rejected,

    /// <summary>The item was never sent: the batch was cancelled or stopped by a failure that applies to every request.</summary>
    NotAttempted,
}
