using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Accengage;

/// <summary>
/// Reads Accengage's error body in both forms its document gives: <c>{"errors":[...]}</c> (the example) and a bare
/// array of errors (the prose: "the server will return an array of errors"). Written as the object form.
/// </summary>
internal sealed class ErrorBodyConverter : JsonConverter<ErrorBody>
{
    public override ErrorBody? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var body = document.RootElement;
        if (body.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            throw new JsonException($"Cannot read a {body.ValueKind} as Accengage's error body.");
        if (body.ValueKind == JsonValueKind.Object && !body.TryGetProperty("errors", out _))
            throw new JsonException("Accengage's error body has no errors.");
        return new ErrorBody { Errors = AccengageErrorReader.Read(body).ToList() };
    }

    public override void Write(Utf8JsonWriter writer, ErrorBody value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("errors");
        // Through the options' metadata (the client's source-generated context), not reflection: trimming keeps it.
        JsonSerializer.Serialize(writer, value.Errors, (JsonTypeInfo<IList<ErrorItem>>)options.GetTypeInfo(typeof(IList<ErrorItem>)));
        writer.WriteEndObject();
    }
}
