using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Contracts.Core.Json;

/// <summary>
/// <see cref="LenientForms.ObjectOrArray"/> on an object property: an array of objects is also read, merged into one
/// (the first value of each member wins; an empty array is null); written as the object. The generator names it,
/// closed over the property's type, on the property whose contract declares the form (closed at compile time, so
/// that it works trimmed and in Native AOT apps).
/// </summary>
/// <typeparam name="T">The property's type.</typeparam>
public sealed class LenientObjectOrMerged<T> : JsonConverter<T>
    where T : class
{
    /// <inheritdoc />
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            return JsonSerializer.Deserialize(ref reader, TypeInfoOf.For<T>(options));
        var items = JsonNode.Parse(ref reader) as JsonArray ?? [];
        if (items.Count == 0)
            return null;
        var merged = new JsonObject();
        foreach (var item in items)
        {
            if (item is not JsonObject members)
                throw new JsonException($"An array read as one {typeof(T).Name} must hold objects only.");
            foreach (var (name, value) in members)
            {
                if (!merged.ContainsKey(name))
                    merged[name] = value?.DeepClone();
            }
        }
        return merged.Deserialize(TypeInfoOf.For<T>(options));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, TypeInfoOf.For<T>(options));
}
