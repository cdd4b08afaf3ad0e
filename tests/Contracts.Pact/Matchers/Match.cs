namespace Contracts.Pacts.Matchers;

/// <summary>
/// Creates <see cref="Matcher"/>s, named as PactNet names them, so that a contract states the shape of a value
/// rather than one sample of it.
/// </summary>
public static class Match
{
    /// <summary>Any value of the example's JSON type (for an object or array: the same types inside).</summary>
    public static Matcher Type(object example) => new(MatchingRule.Type(), Required(example));

    /// <summary>An array of at least <paramref name="min"/> items shaped like <paramref name="example"/>; the mock sends that many copies (at least one).</summary>
    public static Matcher MinType(object example, int min) => new(MatchingRule.MinType(min), Copies(Required(example), Math.Max(min, 1)));

    /// <summary>An array of at most <paramref name="max"/> items shaped like <paramref name="example"/>; the mock sends one.</summary>
    public static Matcher MaxType(object example, int max) => new(MatchingRule.MaxType(max), Copies(Required(example), 1));

    /// <summary>An array of <paramref name="min"/> to <paramref name="max"/> items shaped like <paramref name="example"/>.</summary>
    public static Matcher MinMaxType(object example, int min, int max) => new(MatchingRule.MinMaxType(min, max), Copies(Required(example), Math.Max(min, 1)));

    /// <summary>A string matching <paramref name="regex"/> (Rust syntax, anchored with ^ and $); the example must match it.</summary>
    public static Matcher Regex(string example, string regex) => new(MatchingRule.Regex(regex), Required(example));

    /// <summary>An integer.</summary>
    public static Matcher Integer(long example) => new(MatchingRule.Integer(), example);

    /// <summary>A number with a fractional part, e.g. 12.5m.</summary>
    public static Matcher Decimal(decimal example) => new(MatchingRule.Decimal(), example);

    /// <summary>Any number.</summary>
    public static Matcher Number(decimal example) => new(MatchingRule.Number(), example);

    /// <summary>A boolean.</summary>
    public static Matcher Boolean(bool example) => new(MatchingRule.Boolean(), example);

    /// <summary>JSON null.</summary>
    public static Matcher Null() => new(MatchingRule.Null(), null);

    /// <summary>A string that contains <paramref name="substring"/>.</summary>
    public static Matcher Include(string substring) => new(MatchingRule.Include(substring), substring);

    /// <summary>Exactly <paramref name="example"/> (inside a type-matched parent, where values would otherwise match by type).</summary>
    public static Matcher Equality(object example) => new(MatchingRule.Equality(), Required(example));

    /// <summary>A date-time string in <paramref name="format"/> (Java DateTimeFormatter pattern).</summary>
    public static Matcher DateTime(string example, string format) => new(MatchingRule.DateTime(format), Required(example));

    /// <summary>A non-empty value of the example's type.</summary>
    public static Matcher NotEmpty(object example) => new(MatchingRule.NotEmpty(), Required(example));

    private static T Required<T>(T example)
        where T : class
        => example ?? throw new ArgumentNullException(nameof(example), "A matcher needs an example; use Match.Null() for null.");

    private static object[] Copies(object example, int count) => Enumerable.Repeat(example, count).ToArray();
}
