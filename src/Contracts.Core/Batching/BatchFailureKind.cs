namespace Contracts.Core.Batching;

/// <summary>Why items were not accepted.</summary>
public enum BatchFailureKind
{
    /// <summary>The SDK refused the item before sending: it breaks the vendor's documented rules.</summary>
    InvalidInput,

    /// <summary>No access token could be obtained, so nothing was sent.</summary>
    AuthenticationFailed,

    /// <summary>The vendor answered with a failure.</summary>
    VendorRejected,

    /// <summary>The request failed without a usable answer (connection, timeout); the vendor may or may not have acted on it.</summary>
    TransportError,

    /// <summary>The caller cancelled the batch: before the items were sent (not attempted) or while they were on the wire (unknown).</summary>
    Cancelled,

    /// <summary>An earlier failure that applies to every request (bad credentials, bad shared settings) stopped the batch.</summary>
    BatchStopped,
}
