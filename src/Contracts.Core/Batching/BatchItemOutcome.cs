namespace Contracts.Core.Batching;

/// <summary>What happened to one item of a batch. Every item ends up in exactly one of these.</summary>
public enum BatchItemOutcome
{
    /// <summary>The vendor accepted the request that carried the item.</summary>
    Accepted,

    /// <summary>
    /// The item was refused: by the vendor (its answer is in the failure) or by the SDK's own validation before
    /// sending. The vendor did not act on it.
    /// </summary>
    Rejected,

    /// <summary>The item was never sent: the batch was cancelled or stopped by a failure that applies to every request.</summary>
    NotAttempted,

    /// <summary>
    /// The request that carried the item left, and no answer says what happened (a timeout, a reset, a 5xx, an
    /// answer that could not be read, a cancellation while it was on the wire): the vendor may have it. The SDK never
    /// sends it again by itself; check with the vendor, or send it again if a duplicate is acceptable.
    /// </summary>
    Unknown,
}
