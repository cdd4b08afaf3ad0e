using System.Globalization;
using System.Text.Json;

namespace Contracts.Testing;

/// <summary>
/// Compares JSON bodies by meaning: members in any order, numbers by value. A document's example may write a number
/// or a boolean as a string where its own table says otherwise; the members named in <c>quotedScalars</c> compare
/// equal when one side is that string (<c>"3600"</c> against 3600).
/// </summary>
public static class JsonSemantics
{
    /// <summary>The first difference between the two bodies (a JSON path and both values), or null when they mean the same.</summary>
    public static string? Difference(string expected, string actual, params string[] quotedScalars)
    {
        using var left = JsonDocument.Parse(expected);
        using var right = JsonDocument.Parse(actual);
        return Difference(left.RootElement, right.RootElement, "$", quotedScalars, subset: false);
    }

    /// <summary>
    /// The first member of <paramref name="expected"/> that <paramref name="actual"/> does not hold with the same
    /// meaning, or null: members of <paramref name="actual"/> that <paramref name="expected"/> does not name are
    /// ignored (at any depth), arrays must have the same length.
    /// </summary>
    public static string? Unmet(string expected, string actual)
    {
        using var left = JsonDocument.Parse(expected);
        using var right = JsonDocument.Parse(actual);
        return Difference(left.RootElement, right.RootElement, "$", [], subset: true);
    }

    private static string? Difference(JsonElement a, JsonElement b, string path, string[] quoted, bool subset)
    {
        if (a.ValueKind != b.ValueKind)
        {
            var name = path[(path.LastIndexOf('.') + 1)..];
            if (quoted.Contains(name) && ScalarText(a) is { } x && ScalarText(b) is { } y && x == y)
                return null;
            return $"{path}: {a.GetRawText()} vs {b.GetRawText()}";
        }
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var right = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                foreach (var member in a.EnumerateObject())
                {
                    if (!right.Remove(member.Name, out var other))
                        return $"{path}.{member.Name}: missing";
                    if (Difference(member.Value, other, $"{path}.{member.Name}", quoted, subset) is { } inner)
                        return inner;
                }
                return right.Count == 0 || subset ? null : $"{path}.{right.Keys.First()}: not expected";
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                    return $"{path}: {a.GetArrayLength()} items vs {b.GetArrayLength()}";
                var i = 0;
                foreach (var (x, y) in a.EnumerateArray().Zip(b.EnumerateArray()))
                {
                    if (Difference(x, y, $"{path}[{i++}]", quoted, subset) is { } inner)
                        return inner;
                }
                return null;
            case JsonValueKind.Number:
                return a.GetDecimal() == b.GetDecimal() ? null : $"{path}: {a} vs {b}";
            case JsonValueKind.String:
                return a.GetString() == b.GetString() ? null : $"{path}: {a.GetRawText()} vs {b.GetRawText()}";
            default:
                return null;
        }
    }

    private static string? ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDecimal().ToString(CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
