namespace Contracts.Core;

/// <summary>Reads what the vendor may have done with a request from whatever a call threw.</summary>
public static class Delivery
{
    /// <summary>
    /// The <see cref="DeliveryState"/> that <paramref name="exception"/> (or one it wraps) records: HttpClient wraps a
    /// <see cref="VendorCallCanceledException"/> in its own <see cref="TaskCanceledException"/> when the caller
    /// cancels, so the chain is searched. <see cref="DeliveryState.Unknown"/> when nothing in it says: the safe answer.
    /// </summary>
    public static DeliveryState Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case VendorApiException vendor:
                    return vendor.Delivery;
                case VendorCallCanceledException canceled:
                    return canceled.Delivery;
            }
        }
        return DeliveryState.Unknown;
    }
}
