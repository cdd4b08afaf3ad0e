using System.Text.Json;

namespace Contracts.Accengage;

/// <summary>
/// Reads Accengage's error body from raw text: <c>{"errors":[{"label":"API_ERR_...","message":"..."}]}</c>, as the
/// document's example shows, or the bare array of errors its prose describes.
/// </summary>
internal static class AccengageErrorReader
{
    /// <summary>The errors in <paramref name="body"/>; empty when it is empty, not JSON or not an error body.</summary>
    public static IReadOnlyList<ErrorItem> Read(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return [];
        try
        {
            using var document = JsonDocument.Parse(body);
            return Read(document.RootElement);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The errors in an already parsed body.</summary>
    public static IReadOnlyList<ErrorItem> Read(JsonElement body)
    {
        var errors = body;
        if (body.ValueKind == JsonValueKind.Object && !body.TryGetProperty("errors", out errors))
            return [];
        if (errors.ValueKind != JsonValueKind.Array)
            return [];
        var items = new List<ErrorItem>(errors.GetArrayLength());
        foreach (var error in errors.EnumerateArray())
        {
            if (error.ValueKind != JsonValueKind.Object)
                continue;
            items.Add(new ErrorItem { Label = Text(error, "label") ?? "", Message = Text(error, "message") });
        }
        return items;
    }

    private static string? Text(JsonElement error, string name)
        => error.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;
}
