namespace Contracts.Core;

/// <summary>
/// The caller cancelled a call, and <see cref="Delivery"/> says whether the request had already left: a batch
/// reports such items as unknown rather than not attempted, since the vendor may have them. HttpClient may hand it
/// to you as the inner exception of its own <see cref="TaskCanceledException"/>: <see cref="Contracts.Core.Delivery.Of"/>
/// finds it wherever it is.
/// </summary>
public sealed class VendorCallCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    public VendorCallCanceledException(string vendor, DeliveryState delivery, Exception? innerException, CancellationToken cancellationToken)
        : base($"{vendor}: the call was cancelled {(delivery == DeliveryState.NotSent ? "before the request was sent" : "after the request was sent; the vendor may have it")}.", innerException, cancellationToken)
    {
        Vendor = vendor;
        Delivery = delivery;
    }

    /// <summary>The vendor.</summary>
    public string Vendor { get; }

    /// <summary>Whether the request may have reached the vendor.</summary>
    public DeliveryState Delivery { get; }
}
