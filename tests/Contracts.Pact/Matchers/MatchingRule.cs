using System.Text.Json;

namespace Contracts.Pacts.Matchers;

/// <summary>
/// A Pact matching rule without an example: how a value is compared (by type, by regular expression, ...). Used on
/// its own for rules addressed by path (<c>WithBodyMatchingRule(path, rule)</c>,
/// XML bodies), and inside a <see cref="Matcher"/> together with an example.
/// </summary>
public sealed class MatchingRule
{
    private readonly KeyValuePair<string, object>[] _parameters;

    private MatchingRule(string name, params KeyValuePair<string, object>[] parameters)
    {
        Name = name;
        _parameters = parameters;
    }

    /// <summary>The rule's name in the Pact file (<c>match</c>), e.g. <c>type</c>, <c>regex</c>, <c>integer</c>.</summary>
    public string Name { get; }

    /// <summary>The rule's parameters (regex, min, max, format, value), in the order the Pact file lists them.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Parameters => _parameters;

    /// <summary>The regular expression of a <c>regex</c> rule; null for other rules.</summary>
    internal string? RegexPattern => Name == "regex" ? (string)_parameters[0].Value : null;

    /// <summary>Same JSON type as the example (and, for objects and arrays, the same types inside).</summary>
    public static MatchingRule Type() => new("type");

    /// <summary>An array of at least <paramref name="min"/> items, each of the example's type.</summary>
    public static MatchingRule MinType(int min) => new("type", Parameter("min", NonNegative(min, nameof(min))));

    /// <summary>An array of at most <paramref name="max"/> items, each of the example's type.</summary>
    public static MatchingRule MaxType(int max) => new("type", Parameter("max", AtLeastOne(max, nameof(max))));

    /// <summary>An array of <paramref name="min"/> to <paramref name="max"/> items, each of the example's type.</summary>
    public static MatchingRule MinMaxType(int min, int max)
    {
        NonNegative(min, nameof(min));
        AtLeastOne(max, nameof(max));
        if (min > max)
            throw new ArgumentOutOfRangeException(nameof(max), max, $"max must be at least min ({min}).");
        return new("type", Parameter("min", min), Parameter("max", max));
    }

    /// <summary>A string that matches <paramref name="regex"/> (Rust regex syntax; anchor it with ^ and $ to match the whole value).</summary>
    public static MatchingRule Regex(string regex)
    {
        ArgumentException.ThrowIfNullOrEmpty(regex);
        return new("regex", Parameter("regex", regex));
    }

    /// <summary>An integer number.</summary>
    public static MatchingRule Integer() => new("integer");

    /// <summary>A number with a fractional part.</summary>
    public static MatchingRule Decimal() => new("decimal");

    /// <summary>Any number.</summary>
    public static MatchingRule Number() => new("number");

    /// <summary>A boolean.</summary>
    public static MatchingRule Boolean() => new("boolean");

    /// <summary>JSON null.</summary>
    public static MatchingRule Null() => new("null");

    /// <summary>A string that contains <paramref name="substring"/>.</summary>
    public static MatchingRule Include(string substring)
    {
        ArgumentException.ThrowIfNullOrEmpty(substring);
        return new("include", Parameter("value", substring));
    }

    /// <summary>Exactly the example (resets a type rule inherited from a parent).</summary>
    public static MatchingRule Equality() => new("equality");

    /// <summary>A date-time written in <paramref name="format"/> (Java DateTimeFormatter pattern, e.g. <c>yyyy-MM-dd'T'HH:mm:ssXXX</c>).</summary>
    public static MatchingRule DateTime(string format)
    {
        ArgumentException.ThrowIfNullOrEmpty(format);
        return new("datetime", Parameter("format", format));
    }

    /// <summary>A value that is not empty (not "", [], {} nor null), of the example's type.</summary>
    public static MatchingRule NotEmpty() => new("notEmpty");

    /// <summary>The rule as the Pact file writes it: <c>{"match": "regex", "regex": "..."}</c>.</summary>
    public void WriteRule(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("match", Name);
        foreach (var (name, value) in _parameters)
            WriteParameter(writer, name, value);
        writer.WriteEndObject();
    }

    /// <summary>Writes the parameters inside an inline matcher; the example is written by the caller as <c>value</c>.</summary>
    internal void WriteInlineParameters(Utf8JsonWriter writer)
    {
        foreach (var (name, value) in _parameters)
        {
            // An include rule's "value" is its substring, which the inline form carries as the example.
            if (name != "value")
                WriteParameter(writer, name, value);
        }
    }

    /// <inheritdoc />
    public override string ToString() => _parameters.Length == 0
        ? Name
        : $"{Name}({string.Join(", ", _parameters.Select(p => $"{p.Key}: {p.Value}"))})";

    private static void WriteParameter(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case int number:
                writer.WriteNumber(name, number);
                break;
            case string text:
                writer.WriteString(name, text);
                break;
            default:
                throw new InvalidOperationException($"Unexpected parameter type {value.GetType()} for {name}.");
        }
    }

    private static KeyValuePair<string, object> Parameter(string name, object value) => new(name, value);

    private static int NonNegative(int value, string name)
        => value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be 0 or more.");

    private static int AtLeastOne(int value, string name)
        => value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be 1 or more.");
}
