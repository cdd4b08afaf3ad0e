using System.Text.Json;
using System.Text.Json.Serialization;

namespace Contracts.Core.Json;

/// <summary>
/// <see cref="LenientForms.ObjectOrArray"/> on a list property: a single object is also read, as a list of one; the list
/// is written as an array. The generator names it, closed over the item type, on the property whose contract declares
/// the form (closed at compile time, so that it works trimmed and in Native AOT apps).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class LenientListOrSingle<T> : JsonConverter<IList<T>>
{
    /// <inheritdoc />
    public override IList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var item = TypeInfoOf.For<T>(options);
        if (reader.TokenType != JsonTokenType.StartArray)
            return [JsonSerializer.Deserialize(ref reader, item)!];
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            items.Add(JsonSerializer.Deserialize(ref reader, item)!);
        return items;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IList<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var item = TypeInfoOf.For<T>(options);
        writer.WriteStartArray();
        foreach (var entry in value)
            JsonSerializer.Serialize(writer, entry, item);
        writer.WriteEndArray();
    }
}
