using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Contracts.Core.Json;

namespace Contracts.Core.Tests;

/// <summary>
/// Map properties written by <see cref="GeneratedModelJson.WriteMapsWithoutBoxing"/> read and write exactly as the
/// serializer's own dictionary converter does.
/// </summary>
public sealed class MapPropertyJsonTests
{
    // The shapes NSwag generates: a map of text, a map of any JSON, and open additionalProperties.
    private sealed class Model
    {
        [JsonPropertyName("personalization")]
        public IDictionary<string, string>? Personalization { get; set; }

        [JsonPropertyName("data")]
        public IDictionary<string, object>? Data { get; set; }

        [JsonExtensionData]
        public IDictionary<string, object>? AdditionalProperties { get; set; }
    }

    private static JsonSerializerOptions Sdk(Action<JsonSerializerOptions>? configure = null)
    {
        var options = ReflectionModelJson.Options();
        configure?.Invoke(options);
        return options;
    }

    // The same settings with the serializer's own converters for maps.
    private static JsonSerializerOptions BuiltIn(Action<JsonSerializerOptions>? configure = null)
    {
        var options = Sdk(configure);
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { GeneratedModelJson.ReadExtensionDataIfCreated } };
        return options;
    }

    private static Model Sample() => new()
    {
        Personalization = new Dictionary<string, string> { ["MY_VAR"] = "Hello", ["café"] = "+1 <b>&</b> \"q\"", ["empty"] = "" },
        Data = new Dictionary<string, object>
        {
            ["firstname"] = "Ana",
            ["order"] = 42,
            ["total"] = 19.5m,
            ["when"] = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero),
            ["tags"] = new[] { "a", "b" },
            ["nested"] = new Dictionary<string, object> { ["x"] = true },
            ["nothing"] = null!,
        },
        AdditionalProperties = new Dictionary<string, object> { ["extra"] = 1 },
    };

    [Fact]
    public void Map_properties_get_the_map_converter_and_extension_data_does_not()
    {
        var properties = Sdk().GetTypeInfo(typeof(Model)).Properties.ToDictionary(p => p.Name);

        Assert.IsType<MapConverter<string>>(properties["personalization"].CustomConverter);
        Assert.IsType<MapConverter<object>>(properties["data"].CustomConverter);
        Assert.Null(properties["AdditionalProperties"].CustomConverter);
    }

    [Fact]
    public void Maps_are_written_as_the_serializer_writes_them()
        => Assert.Equal(JsonSerializer.Serialize(Sample(), BuiltIn()), JsonSerializer.Serialize(Sample(), Sdk()));

    [Fact]
    public void A_map_that_is_not_a_Dictionary_is_written_the_same_way()
    {
        var model = new Model
        {
            Personalization = new ReadOnlyDictionary<string, string>(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }),
            Data = new SortedDictionary<string, object> { ["z"] = 1, ["a"] = "x" },
        };

        Assert.Equal(JsonSerializer.Serialize(model, BuiltIn()), JsonSerializer.Serialize(model, Sdk()));
        Assert.Equal("""{"personalization":{"a":"1","b":"2"},"data":{"a":"x","z":1}}""", JsonSerializer.Serialize(model, Sdk()));
    }

    [Fact]
    public void Names_follow_the_dictionary_key_policy()
    {
        void Camel(JsonSerializerOptions o) => o.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        var model = new Model { Personalization = new Dictionary<string, string> { ["MyVar"] = "x" }, Data = new Dictionary<string, object> { ["OrderId"] = 1 } };

        Assert.Equal("""{"personalization":{"myVar":"x"},"data":{"orderId":1}}""", JsonSerializer.Serialize(model, Sdk(Camel)));
        Assert.Equal(JsonSerializer.Serialize(model, BuiltIn(Camel)), JsonSerializer.Serialize(model, Sdk(Camel)));
    }

    [Fact]
    public void String_values_go_through_the_options_string_converter_as_before()
    {
        void Lenient(JsonSerializerOptions o) => o.Converters.Add(new ScalarAsStringConverter(numbers: true, objects: true));
        const string answer = """{"personalization":{"code":200,"name":"x","none":null},"data":{"n":1,"s":"t"}}""";

        var sdk = JsonSerializer.Deserialize<Model>(answer, Sdk(Lenient))!;
        var builtIn = JsonSerializer.Deserialize<Model>(answer, BuiltIn(Lenient))!;

        Assert.Equal(builtIn.Personalization, sdk.Personalization);
        Assert.Equal("200", sdk.Personalization!["code"]);
        Assert.Null(sdk.Personalization["none"]);
        Assert.Equal(JsonSerializer.Serialize(builtIn, BuiltIn(Lenient)), JsonSerializer.Serialize(sdk, Sdk(Lenient)));
    }

    // Strings are written straight to the writer only when the options' string converter would write them as they
    // are; a converter of the caller's own still writes every value of a map.
    [Fact]
    public void A_string_converter_of_the_callers_own_still_writes_map_values()
    {
        void Shouting(JsonSerializerOptions o) => o.Converters.Add(new ShoutingStringConverter());
        var model = new Model { Personalization = new Dictionary<string, string> { ["a"] = "hi" }, Data = new Dictionary<string, object> { ["b"] = "yo", ["n"] = 1 } };

        Assert.Equal("""{"personalization":{"a":"HI"},"data":{"b":"YO","n":1}}""", JsonSerializer.Serialize(model, Sdk(Shouting)));
        Assert.Equal(JsonSerializer.Serialize(model, BuiltIn(Shouting)), JsonSerializer.Serialize(model, Sdk(Shouting)));
    }

    private sealed class ShoutingStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToUpperInvariant());
    }

    [Fact]
    public void Any_json_in_a_map_reads_as_the_serializer_reads_it()
    {
        const string answer = """{"data":{"n":1.5,"s":"t","o":{"k":[1,"2",null]},"b":false,"z":null}}""";

        var sdk = JsonSerializer.Deserialize<Model>(answer, Sdk())!;

        Assert.IsType<Dictionary<string, object>>(sdk.Data);
        Assert.IsType<JsonElement>(sdk.Data!["o"]);
        Assert.Equal(answer, JsonSerializer.Serialize(sdk, Sdk()));
        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize<Model>(answer, BuiltIn())!, BuiltIn()), JsonSerializer.Serialize(sdk, Sdk()));
    }

    [Fact]
    public void Unknown_fields_still_round_trip_beside_the_maps()
    {
        const string answer = """{"personalization":{"a":"b"},"extra":{"x":1},"n":2}""";

        Assert.Equal(answer, JsonSerializer.Serialize(JsonSerializer.Deserialize<Model>(answer, Sdk())!, Sdk()));
    }

    [Fact]
    public void A_map_that_is_not_an_object_is_refused()
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Model>("""{"personalization":["a"]}""", Sdk()));
}
