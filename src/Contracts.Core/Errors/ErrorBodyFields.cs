using System.Text.Json;

namespace Contracts.Core;

/// <summary>
/// Reads the fields a vendor's JSON error body carries (its message, error code, request id) from the bounded body of
/// a failed answer, whatever its status: a body that is not such JSON gives nothing, and the exception carries the
/// status alone.
/// </summary>
public static class ErrorBodyFields
{
    /// <summary>Bodies above this size are not parsed for an exception: an error answer is a few hundred bytes.</summary>
    private const int MaxParsedChars = 64 * 1024;

    /// <summary>
    /// The values of <paramref name="names"/> in the JSON object <paramref name="body"/>, in order (a string or a
    /// number as text; null when absent or of another kind); null when the body is not a JSON object or has none of them.
    /// </summary>
    public static string?[]? Read(string? body, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (string.IsNullOrWhiteSpace(body) || body.Length > MaxParsedChars || body.TrimStart()[0] != '{')
            return null;
        try
        {
            using var json = JsonDocument.Parse(body);
            var values = names.Select(name => Text(json.RootElement, name)).ToArray();
            return values.All(v => v is null) ? null : values;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}
