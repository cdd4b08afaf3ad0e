using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Contracts.Sandbox.Accengage;

/// <summary>Reading values out of request bodies and stored resources, leniently typed as a PHP server reads them.</summary>
internal static class AccengageJson
{
    /// <summary>How answers are written: plain UTF-8 (accented message text stays readable), compact.</summary>
    public static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The string value of <paramref name="name"/>, or null when absent or not a string.</summary>
    public static string? Text(JsonNode? node, string name)
        => node is JsonObject obj && obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The integer value of <paramref name="name"/> (a number, or a string of digits), or null.</summary>
    public static long? Long(JsonNode? node, string name) => node is JsonObject obj ? AsLong(obj[name]) : null;

    /// <summary>The value as an integer (a number, or a string of digits), or null.</summary>
    public static long? AsLong(JsonNode? node)
    {
        if (node is not JsonValue value)
            return null;
        if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number))
            return number;
        if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var real) && real == Math.Floor(real))
            return (long)real;
        return value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    /// <summary>A criterion or field value as text: strings as they are, numbers and booleans as written.</summary>
    public static string? Scalar(JsonNode? node)
        => node is JsonValue value
            ? value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
                _ => null,
            }
            : null;

    /// <summary>True when <paramref name="text"/> is an ISO 8601 / RFC 3339 date-time with its offset.</summary>
    public static bool IsDateTime(string? text)
        => text is not null && text.Contains('T', StringComparison.Ordinal)
           && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>Parses a date-time with its offset, or null.</summary>
    public static DateTimeOffset? DateTime(string? text)
        => IsDateTime(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    /// <summary>
    /// Parses a query date: <c>YYYY-MM-DD</c> or <c>YYYY-MM-DD hh:mm:ss</c> (a <c>T</c> is accepted too). A bare day
    /// is that day's first second; <paramref name="endOfDay"/> makes it the last.
    /// </summary>
    public static DateTime? QueryDate(string? text, bool endOfDay = false)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        string[] formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];
        if (!System.DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            return null;
        return endOfDay && text.Length == 10 ? value.AddDays(1).AddTicks(-1) : value;
    }

    /// <summary>Copies every property of <paramref name="changes"/> onto <paramref name="target"/> (a PUT updates the fields it gives).</summary>
    public static void Merge(JsonObject target, JsonObject changes)
    {
        foreach (var (name, value) in changes)
            target[name] = value?.DeepClone();
    }
}
