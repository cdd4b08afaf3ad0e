using System.Text.Json;
using System.Text.Json.Serialization;

namespace Contracts.Core.Json;

/// <summary>Reads and writes a nullable value through the converter of its value type: JSON null is null.</summary>
internal sealed class NullableOf<T>(JsonConverter<T> inner) : JsonConverter<T?>
    where T : struct
{
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Null ? null : inner.Read(ref reader, typeof(T), options);

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is { } present)
            inner.Write(writer, present, options);
        else
            writer.WriteNullValue();
    }
}
