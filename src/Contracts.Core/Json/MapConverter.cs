using System.Text.Json;
using System.Text.Json.Serialization;

namespace Contracts.Core.Json;

/// <summary>
/// Writes a map property (NSwag's <see cref="IDictionary{TKey, TValue}"/> of strings or of any JSON, such as ENGAGE's
/// personalization or Accengage's target data) as the built-in converter does, but enumerates a
/// <see cref="Dictionary{TKey, TValue}"/> without boxing its enumerator: the built-in converter allocates one per
/// map, that is one per destination of a push.
/// </summary>
/// <remarks>
/// Same output: entries in the dictionary's order, names through <see cref="JsonSerializerOptions.DictionaryKeyPolicy"/>,
/// string values through the options' string converter and other values by their runtime type, as the built-in
/// converter writes an <see cref="object"/>. Reads as the built-in converter does (values through the options).
/// </remarks>
internal sealed class MapConverter<TValue> : JsonConverter<IDictionary<string, TValue>>
    where TValue : class?
{
    public static readonly MapConverter<TValue> Instance = new();

    // The options' string converter, looked up once per options instance rather than once per map written (one
    // object, so that concurrent writers read a consistent pair).
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
            map[key] = JsonSerializer.Deserialize<TValue>(ref reader, options)!;
        }
        return map;
    }

    public override void Write(Utf8JsonWriter writer, IDictionary<string, TValue> value, JsonSerializerOptions options)
    {
        var strings = StringConverter(options);
        writer.WriteStartObject();
        if (value is Dictionary<string, TValue> dictionary)
        {
            foreach (var (key, entry) in dictionary)
                WriteEntry(writer, key, entry, strings, options);
        }
        else
        {
            foreach (var (key, entry) in value)
                WriteEntry(writer, key, entry, strings, options);
        }
        writer.WriteEndObject();
    }

    private JsonConverter<string> StringConverter(JsonSerializerOptions options)
    {
        if (Volatile.Read(ref _strings) is { } cached && ReferenceEquals(cached.Options, options))
            return cached.Converter;
        var converter = (JsonConverter<string>)options.GetConverter(typeof(string));
        Volatile.Write(ref _strings, new StringsOf(options, converter));
        return converter;
    }

    private sealed record StringsOf(JsonSerializerOptions Options, JsonConverter<string> Converter);

    private static void WriteEntry(Utf8JsonWriter writer, string key, TValue entry, JsonConverter<string> strings, JsonSerializerOptions options)
    {
        writer.WritePropertyName(options.DictionaryKeyPolicy?.ConvertName(key) ?? key);
        switch (entry)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                strings.Write(writer, text, options);
                break;
            default:
                JsonSerializer.Serialize(writer, entry, entry.GetType(), options);
                break;
        }
    }
}
