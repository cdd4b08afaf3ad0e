using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Core.Json;

/// <summary>
/// Writes a map property (NSwag's <see cref="IDictionary{TKey, TValue}"/> of strings or of any JSON, such as ENGAGE's
/// personalization or Accengage's target data) as the built-in converter does, but enumerates a
/// <see cref="Dictionary{TKey, TValue}"/> without boxing its enumerator: the built-in converter allocates one per
/// map, that is one per destination of a push.
/// </summary>
/// <remarks>
/// Same output: entries in the dictionary's order, names through <see cref="JsonSerializerOptions.DictionaryKeyPolicy"/>,
/// string values through the options' string converter (straight to the writer when that converter writes a string
/// as it is, which saves a virtual call per value) and other values by their runtime type, as the built-in
/// converter writes an <see cref="object"/>. Reads as the built-in converter does (values through the options).
/// </remarks>
internal sealed class MapConverter<TValue> : JsonConverter<IDictionary<string, TValue>>
    where TValue : class?
{
    public static readonly MapConverter<TValue> Instance = new();

    // The options' string converter, looked up once per options instance rather than once per map written (one
    // object, so that concurrent writers read a consistent set).
    private StringsOf? _strings;

    public override IDictionary<string, TValue>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"Cannot read a {reader.TokenType} token as a map.");
        var map = new Dictionary<string, TValue>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = JsonSerializer.Deserialize(ref reader, TypeInfoOf.For<TValue>(options))!;
        }
        return map;
    }

    public override void Write(Utf8JsonWriter writer, IDictionary<string, TValue> value, JsonSerializerOptions options)
    {
        var strings = StringConverter(options);
        writer.WriteStartObject();
        // The maps NSwag's models hold, enumerated through their closed types: this class is generic over reference
        // types, so its own code is shared between them and every dictionary call in it would go through a runtime
        // lookup (measured: 5% of serialising a 100-destination ENGAGE push).
        switch (value)
        {
            case Dictionary<string, string> texts:
                foreach (var (key, entry) in texts)
                    WriteEntry(writer, key, entry, strings, options);
                break;
            case Dictionary<string, object> values:
                foreach (var (key, entry) in values)
                    WriteEntry(writer, key, entry, strings, options);
                break;
            default:
                foreach (var (key, entry) in value)
                    WriteEntry(writer, key, entry, strings, options);
                break;
        }
        writer.WriteEndObject();
    }

    private StringsOf StringConverter(JsonSerializerOptions options)
    {
        if (Volatile.Read(ref _strings) is { } cached && ReferenceEquals(cached.Options, options))
            return cached;
        var converter = (JsonConverter<string>)TypeInfoOf.For<string>(options).Converter;
        var strings = new StringsOf(options, converter, WritesAsIs(converter));
        Volatile.Write(ref _strings, strings);
        return strings;
    }

    /// <summary>The built-in string converter and the lenient one (<see cref="ScalarAsStringConverter"/>) write a string as it is.</summary>
    private static bool WritesAsIs(JsonConverter<string> converter)
        => converter is ScalarAsStringConverter || converter.GetType() == JsonMetadataServices.StringConverter.GetType();

    private sealed record StringsOf(JsonSerializerOptions Options, JsonConverter<string> Converter, bool WritesAsIs);

    private static void WriteEntry(Utf8JsonWriter writer, string key, object? entry, StringsOf strings, JsonSerializerOptions options)
    {
        writer.WritePropertyName(options.DictionaryKeyPolicy?.ConvertName(key) ?? key);
        switch (entry)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text when strings.WritesAsIs:
                writer.WriteStringValue(text);
                break;
            case string text:
                strings.Converter.Write(writer, text, options);
                break;
            default:
                JsonSerializer.Serialize(writer, entry, options.GetTypeInfo(entry.GetType()));
                break;
        }
    }
}
