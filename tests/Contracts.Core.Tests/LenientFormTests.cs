using System.Text.Json;
using System.Text.Json.Serialization;
using Contracts.Core.Json;

namespace Contracts.Core.Tests;

/// <summary>Each lenient form's converter (as the generator names it) reads the alternatives it names, only on the field that declares it, and writes the strict form.</summary>
public sealed class LenientFormTests
{
    private sealed class Item
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }
    }

    private sealed class Model
    {
        [JsonPropertyName("when"), JsonConverter(typeof(LenientDateSpace))]
        public DateTimeOffset? When { get; set; }

        [JsonPropertyName("strictWhen")]
        public DateTimeOffset? StrictWhen { get; set; }

        [JsonPropertyName("items"), JsonConverter(typeof(LenientListOrSingle<Item>))]
        public IList<Item>? Items { get; set; }

        [JsonPropertyName("one"), JsonConverter(typeof(LenientObjectOrMerged<Item>))]
        public Item? One { get; set; }

        [JsonPropertyName("code"), JsonConverter(typeof(LenientStringOrNumber))]
        public string? Code { get; set; }

        [JsonPropertyName("strictCode")]
        public string? StrictCode { get; set; }

        [JsonPropertyName("ttl"), JsonConverter(typeof(LenientStringOrNumber))]
        public int Ttl { get; set; }

        [JsonPropertyName("keep"), JsonConverter(typeof(LenientStringOrNumber))]
        public bool? Keep { get; set; }

        [JsonPropertyName("text"), JsonConverter(typeof(LenientStringOrNumberAndObjectAsText))]
        public string? Text { get; set; }
    }

    private static Model Read(string json) => JsonSerializer.Deserialize<Model>(json)!;

    [Fact]
    public void Date_space_reads_the_space_and_date_only_forms_as_utc_and_iso_with_its_offset()
    {
        Assert.Equal(new DateTimeOffset(2030, 6, 1, 10, 0, 0, TimeSpan.Zero), Read("""{"when":"2030-06-01 10:00:00"}""").When);
        Assert.Equal(new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero), Read("""{"when":"2030-06-01"}""").When);
        Assert.Equal(TimeSpan.FromHours(2), Read("""{"when":"2030-06-01T10:00:00+02:00"}""").When!.Value.Offset);
        Assert.Null(Read("""{"when":null}""").When);
        Assert.Throws<JsonException>(() => Read("""{"strictWhen":"2030-06-01 10:00:00"}"""));
        Assert.Throws<JsonException>(() => Read("""{"when":"soon"}"""));
    }

    [Fact]
    public void Object_or_array_reads_a_single_object_as_a_list_of_one_and_merges_an_array_into_one_object()
    {
        Assert.Equal([7L], Read("""{"items":{"id":7}}""").Items!.Select(i => i.Id));
        Assert.Equal([7L, 8L], Read("""{"items":[{"id":7},{"id":8}]}""").Items!.Select(i => i.Id));
        Assert.Equal(7, Read("""{"one":[{"id":7},{"id":8}]}""").One!.Id);
        Assert.Null(Read("""{"one":[]}""").One);
        Assert.Throws<JsonException>(() => Read("""{"one":["x"]}"""));
    }

    [Fact]
    public void String_or_number_reads_either_way_on_the_declared_field_only()
    {
        Assert.Equal("200", Read("""{"code":200}""").Code);
        Assert.Equal(960, Read("""{"ttl":"960"}""").Ttl);
        Assert.False(Read("""{"keep":"false"}""").Keep);
        Assert.Throws<JsonException>(() => Read("""{"strictCode":200}"""));
        Assert.Throws<JsonException>(() => Read("""{"code":{"a":1}}"""));
        Assert.Equal("""{"a":1}""", Read("""{"text":{"a":1}}""").Text);
    }

    [Fact]
    public void The_strict_form_is_written()
    {
        var json = JsonSerializer.Serialize(new Model { When = new DateTimeOffset(2030, 6, 1, 10, 0, 0, TimeSpan.FromHours(2)), Items = [new Item { Id = 1 }], Ttl = 960, Keep = false, Code = "0" });

        Assert.Contains("\"when\":\"2030-06-01T10:00:00+02:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"items\":[{\"id\":1}]", json, StringComparison.Ordinal);
        Assert.Contains("\"ttl\":960", json, StringComparison.Ordinal);
        Assert.Contains("\"keep\":false", json, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"0\"", json, StringComparison.Ordinal);
    }

    private enum Shade
    {
        [System.Runtime.Serialization.EnumMember(Value = "light-blue")]
        LightBlue,
        Dark,
    }

    [Fact]
    public void Open_enum_maps_known_wire_values_and_leaves_the_rest_unknown()
    {
        Assert.Equal(Shade.LightBlue, OpenEnum.Known<Shade>("light-blue"));
        Assert.Equal(Shade.Dark, OpenEnum.Known<Shade>("Dark"));
        Assert.Null(OpenEnum.Known<Shade>("LightBlue"));
        Assert.Null(OpenEnum.Known<Shade>(null));
        Assert.Equal("light-blue", OpenEnum.WireValue(Shade.LightBlue));
    }

    [Fact]
    public void Unreadable_answer_keeps_a_bounded_body()
    {
        var error = new UnreadableAnswerException("X", "listThings", "no list", 200, new string('a', UnreadableAnswerException.MaxRawBodyChars + 10));

        Assert.Equal(UnreadableAnswerException.MaxRawBodyChars, error.RawBody!.Length);
        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        Assert.StartsWith("X: the answer to listThings cannot be read: no list", error.Message, StringComparison.Ordinal);
    }
}
