using System.Globalization;

namespace Contracts.Ogangi;

/// <summary>A message Ogangi created (<c>&lt;message&gt;</c> of sendSMS), with typed views of its text fields.</summary>
public partial class Message
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFzz", "yyyy-MM-dd'T'HH:mm:ssK"];

    /// <summary>
    /// <see cref="Status"/> as a comparable value; a status this SDK does not know is kept as it is
    /// (<see cref="OgangiMessageStatus.IsKnown"/> is false). Default when the answer had no status.
    /// </summary>
    public OgangiMessageStatus DeliveryStatus => Status is null ? default : new OgangiMessageStatus(Status);

    /// <summary>
    /// <see cref="Date"/> read as documented (<c>yyyy-MM-dd'T'HH:mm:ss.SSSZZ</c>, e.g.
    /// <c>2013-09-17T10:13:59.176-04:30</c>); null when absent or in another form (the text stays in <see cref="Date"/>).
    /// </summary>
    public DateTimeOffset? SentAt
        => DateTimeOffset.TryParseExact(Date?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    /// <summary>The carrier used, whichever of <c>&lt;carrierName&gt;</c> (the vendor's table) and <c>&lt;carrier&gt;</c> (its sample) came.</summary>
    public string? CarrierUsed => CarrierName ?? Carrier;
}
