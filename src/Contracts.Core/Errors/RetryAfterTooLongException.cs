namespace Contracts.Core;

/// <summary>
/// The vendor asked the client to wait (<c>Retry-After</c> on a 429 or 503) longer than the call has left before its
/// <see cref="VendorClientOptions.Timeout"/>: the call ends at once instead of sleeping into its deadline.
/// </summary>
public sealed class RetryAfterTooLongException : VendorApiException
{
    /// <summary>Creates the exception.</summary>
    public RetryAfterTooLongException(string vendor, int statusCode, TimeSpan retryAfter, TimeSpan timeLeft, DeliveryState delivery)
        : base(vendor, $"the vendor asked to retry after {retryAfter.TotalSeconds:0.###} s, more than the {Math.Max(0, timeLeft.TotalSeconds):0.###} s the call has left", statusCode, null, null, null, delivery, null)
    {
        RetryAfter = retryAfter;
        TimeLeft = timeLeft;
    }

    /// <summary>How long the vendor asked to wait.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>How much of the call's time was left when it asked.</summary>
    public TimeSpan TimeLeft { get; }
}
