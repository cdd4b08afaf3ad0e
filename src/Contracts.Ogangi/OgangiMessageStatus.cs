namespace Contracts.Ogangi;

/// <summary>
/// A message status as Ogangi writes it (<c>SENT_TO_CARRIER</c>, <c>DELIVRD</c>, ...). An open set: a value this SDK
/// does not know is kept as it is (<see cref="IsKnown"/> is false), never rejected.
/// </summary>
/// <remarks>
/// The known values and their names (the static members) are generated from the contract's <c>x-known-values</c> of
/// a message's status; this part holds what any such open set does.
/// </remarks>
public readonly partial struct OgangiMessageStatus : IEquatable<OgangiMessageStatus>
{
    private readonly string? _value;

    /// <summary>Wraps <paramref name="value"/> as Ogangi wrote it.</summary>
    public OgangiMessageStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The status text as Ogangi wrote it; empty for the default value.</summary>
    public string Value => _value ?? "";

    /// <summary>True when the value is one the contract lists (see the static members).</summary>
    public bool IsKnown => Known.Contains(Value);

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
