namespace Contracts.Core;

/// <summary>
/// What the vendor may have done with a request that did not succeed. None of these vendors offers an idempotency
/// key, so this is what decides whether sending the request again could act twice.
/// </summary>
public enum DeliveryState
{
    /// <summary>
    /// The request never reached the vendor: refused before sending (invalid input, no token), or the connection
    /// failed before the request was written. Sending it again cannot act twice.
    /// </summary>
    NotSent,

    /// <summary>
    /// The vendor answered that it did not act on the request (a 4xx status, 429 included, a redirect, or a failure
    /// answer). Sending it again unchanged would most likely be refused the same way.
    /// </summary>
    Refused,

    /// <summary>
    /// The request left and no answer says what happened (a timeout or a reset after it was written, a 5xx status,
    /// an answer that could not be read): the vendor may have acted on it. Send it again only if a duplicate is
    /// acceptable, or after checking with the vendor.
    /// </summary>
    Unknown,
}
