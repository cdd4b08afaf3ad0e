using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Contracts.Core.Json;

/// <summary>
/// <see cref="LenientForms.ObjectOrArray"/>: a list property (<see cref="IList{T}"/>) also reads a single object as a
/// list of one; an object property also reads an array of objects, merged into one (the first value of each member
/// wins; an empty array is null). Written in the contract's strict form.
/// </summary>
internal static class ObjectOrArrayConverter
{
    public static JsonConverter? Create(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>))
            return (JsonConverter)Activator.CreateInstance(typeof(ListOrSingle<>).MakeGenericType(type.GetGenericArguments()[0]))!;
        if (type.IsClass && type != typeof(string))
            return (JsonConverter)Activator.CreateInstance(typeof(ObjectOrMerged<>).MakeGenericType(type))!;
        return null;
    }

    private sealed class ListOrSingle<T> : JsonConverter<IList<T>>
    {
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

        public override void Write(Utf8JsonWriter writer, IList<T> value, JsonSerializerOptions options)
        {
            var item = TypeInfoOf.For<T>(options);
            writer.WriteStartArray();
            foreach (var entry in value)
                JsonSerializer.Serialize(writer, entry, item);
            writer.WriteEndArray();
        }
    }

    private sealed class ObjectOrMerged<T> : JsonConverter<T>
        where T : class
    {
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

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
            => JsonSerializer.Serialize(writer, value, TypeInfoOf.For<T>(options));
    }
}
