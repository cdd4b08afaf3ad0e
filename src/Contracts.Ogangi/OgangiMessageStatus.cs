namespace Contracts.Ogangi;

/// <summary>
/// A message status as Ogangi writes it (<c>SENT_TO_CARRIER</c>, <c>DELIVRD</c>, ...). An open set: a value this SDK
/// does not know is kept as it is (<see cref="IsKnown"/> is false), never rejected.
/// </summary>
public readonly struct OgangiMessageStatus : IEquatable<OgangiMessageStatus>
{
    private readonly string? _value;

    /// <summary>Wraps <paramref name="value"/> as Ogangi wrote it.</summary>
    public OgangiMessageStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The status text as Ogangi wrote it; empty for the default value.</summary>
    public string Value => _value ?? "";

    /// <summary>True when the value is one Ogangi documents (see the static members).</summary>
    public bool IsKnown => Known.Contains(Value);

    /// <summary><c>SENT</c>.</summary>
    public static OgangiMessageStatus Sent { get; } = new("SENT");

    /// <summary><c>SENT_TO_CARRIER</c>.</summary>
    public static OgangiMessageStatus SentToCarrier { get; } = new("SENT_TO_CARRIER");

    /// <summary><c>DELIVERED_TO_CARRIER</c>.</summary>
    public static OgangiMessageStatus DeliveredToCarrier { get; } = new("DELIVERED_TO_CARRIER");

    /// <summary><c>EXPIRED</c>.</summary>
    public static OgangiMessageStatus Expired { get; } = new("EXPIRED");

    /// <summary><c>UNREACHABLE</c>.</summary>
    public static OgangiMessageStatus Unreachable { get; } = new("UNREACHABLE");

    /// <summary><c>NOT_SENT</c>.</summary>
    public static OgangiMessageStatus NotSent { get; } = new("NOT_SENT");

    /// <summary><c>BAD_FROM</c>.</summary>
    public static OgangiMessageStatus BadFrom { get; } = new("BAD_FROM");

    /// <summary><c>BAD_TO</c>.</summary>
    public static OgangiMessageStatus BadTo { get; } = new("BAD_TO");

    /// <summary><c>BAD_ENCODING</c>.</summary>
    public static OgangiMessageStatus BadEncoding { get; } = new("BAD_ENCODING");

    /// <summary><c>BAD_CARRIER/FROM</c>.</summary>
    public static OgangiMessageStatus BadCarrierOrFrom { get; } = new("BAD_CARRIER/FROM");

    /// <summary><c>SENT_TO_DEVICE</c>.</summary>
    public static OgangiMessageStatus SentToDevice { get; } = new("SENT_TO_DEVICE");

    /// <summary><c>DELIVERED_TO_DEVICE</c>.</summary>
    public static OgangiMessageStatus DeliveredToDevice { get; } = new("DELIVERED_TO_DEVICE");

    /// <summary><c>UNDELIVERED</c>.</summary>
    public static OgangiMessageStatus Undelivered { get; } = new("UNDELIVERED");

    /// <summary><c>NOT_ENOUGH_FUNDS</c>.</summary>
    public static OgangiMessageStatus NotEnoughFunds { get; } = new("NOT_ENOUGH_FUNDS");

    /// <summary><c>BAD_TIMEZONE</c>.</summary>
    public static OgangiMessageStatus BadTimezone { get; } = new("BAD_TIMEZONE");

    /// <summary><c>SENDING</c>.</summary>
    public static OgangiMessageStatus Sending { get; } = new("SENDING");

    /// <summary><c>PENDING</c>.</summary>
    public static OgangiMessageStatus Pending { get; } = new("PENDING");

    /// <summary><c>READ</c>.</summary>
    public static OgangiMessageStatus Read { get; } = new("READ");

    /// <summary>Carrier-style <c>ACCEPTD</c>.</summary>
    public static OgangiMessageStatus CarrierAccepted { get; } = new("ACCEPTD");

    /// <summary>Carrier-style <c>DELIVERED TO CARRIER</c> (with spaces).</summary>
    public static OgangiMessageStatus CarrierDeliveredToCarrier { get; } = new("DELIVERED TO CARRIER");

    /// <summary>Carrier-style <c>DELIVRD</c>.</summary>
    public static OgangiMessageStatus CarrierDelivered { get; } = new("DELIVRD");

    /// <summary>Carrier-style <c>REJECTD</c>.</summary>
    public static OgangiMessageStatus CarrierRejected { get; } = new("REJECTD");

    /// <summary>Carrier-style <c>UNDELIV</c>.</summary>
    public static OgangiMessageStatus CarrierUndelivered { get; } = new("UNDELIV");

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "SENT", "SENT_TO_CARRIER", "DELIVERED_TO_CARRIER", "EXPIRED", "UNREACHABLE", "NOT_SENT", "BAD_FROM", "BAD_TO",
        "BAD_ENCODING", "BAD_CARRIER/FROM", "SENT_TO_DEVICE", "DELIVERED_TO_DEVICE", "UNDELIVERED", "NOT_ENOUGH_FUNDS",
        "BAD_TIMEZONE", "SENDING", "PENDING", "READ", "ACCEPTD", "DELIVERED TO CARRIER", "DELIVRD", "REJECTD", "UNDELIV",
    };

    /// <summary>Compares the texts exactly (Ogangi's values are case sensitive).</summary>
    public bool Equals(OgangiMessageStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OgangiMessageStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The status text.</summary>
    public override string ToString() => Value;

    /// <summary>Equal texts.</summary>
    public static bool operator ==(OgangiMessageStatus left, OgangiMessageStatus right) => left.Equals(right);

    /// <summary>Different texts.</summary>
    public static bool operator !=(OgangiMessageStatus left, OgangiMessageStatus right) => !left.Equals(right);
}
