using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Accengage;

/// <summary>
/// Reads Accengage's error body in both forms its document gives: <c>{"errors":[{"label":"API_ERR_...","message":"..."}]}</c>
/// (the example) and a bare array of errors (the prose: "the server will return an array of errors"), whether typed
/// (a declared error answer) or from the raw body of any failed answer. Written as the object form.
/// </summary>
internal sealed class ErrorBodyConverter : JsonConverter<ErrorBody>
{
    /// <summary>The errors in <paramref name="body"/>; empty when it is empty, not JSON or not an error body.</summary>
    public static IReadOnlyList<ErrorItem> ErrorsIn(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return [];
        try
        {
            using var document = JsonDocument.Parse(body);
            return ErrorsIn(document.RootElement);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public override ErrorBody? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var body = document.RootElement;
        if (body.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            throw new JsonException($"Cannot read a {body.ValueKind} as Accengage's error body.");
        if (body.ValueKind == JsonValueKind.Object && !body.TryGetProperty("errors", out _))
            throw new JsonException("Accengage's error body has no errors.");
        return new ErrorBody { Errors = ErrorsIn(body).ToList() };
    }

    public override void Write(Utf8JsonWriter writer, ErrorBody value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("errors");
        // Through the options' metadata (the client's source-generated context), not reflection: trimming keeps it.
        JsonSerializer.Serialize(writer, value.Errors, (JsonTypeInfo<IList<ErrorItem>>)options.GetTypeInfo(typeof(IList<ErrorItem>)));
        writer.WriteEndObject();
    }

    private static IReadOnlyList<ErrorItem> ErrorsIn(JsonElement body)
    {
        var errors = body;
        if (body.ValueKind == JsonValueKind.Object && !body.TryGetProperty("errors", out errors))
            return [];
        if (errors.ValueKind != JsonValueKind.Array)
            return [];
        var items = new List<ErrorItem>(errors.GetArrayLength());
        foreach (var error in errors.EnumerateArray())
        {
            if (error.ValueKind == JsonValueKind.Object)
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
