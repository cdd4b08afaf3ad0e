using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Contracts.Core.Json;

/// <summary>
/// <see cref="LenientForms.StringOrNumber"/> and <see cref="LenientForms.ObjectAsText"/> on a string property: a
/// number or boolean is read as its text, an object or array as its JSON text, each only when declared.
/// </summary>
internal sealed class ScalarAsStringConverter(bool numbers, bool objects) : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number when numbers:
                return reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence) : Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True when numbers:
                return "true";
            case JsonTokenType.False when numbers:
                return "false";
            case JsonTokenType.StartObject or JsonTokenType.StartArray when objects:
                using (var document = JsonDocument.ParseValue(ref reader))
                    return document.RootElement.GetRawText();
            default:
                throw new JsonException($"Cannot read a {reader.TokenType} token as this string field.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
