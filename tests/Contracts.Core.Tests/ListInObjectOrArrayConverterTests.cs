using System.Text.Json;
using Contracts.Core.Json;

namespace Contracts.Core.Tests;

public sealed class ListInObjectOrArrayConverterTests
{
    private sealed class Problem
    {
        public string Code { get; set; } = "";

        public string? Detail { get; set; }
    }

    private sealed class Problems
    {
        public IList<Problem> Items { get; set; } = [];
    }

    private sealed class ProblemsConverter() : ListInObjectOrArrayConverter<Problems, Problem>("problems", "the test's problem body")
    {
        protected override Problems Create(List<Problem> items) => new() { Items = items };

        protected override IList<Problem> ItemsOf(Problems body) => body.Items;

        protected override Problem ReadItem(JsonElement item) => new() { Code = TextOf(item, "code") ?? "", Detail = TextOf(item, "detail") };
    }

    private static readonly ProblemsConverter Converter = new();

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { Converter } };

    [Theory]
    [InlineData("{\"problems\":[{\"code\":\"A\",\"detail\":\"one\"},{\"code\":\"B\"}]}")]
    [InlineData("[{\"code\":\"A\",\"detail\":\"one\"},{\"code\":\"B\"}]")]
    public void Reads_the_object_form_and_the_bare_array_alike(string json)
    {
        var body = JsonSerializer.Deserialize<Problems>(json, Options)!;

        Assert.Equal(["A", "B"], body.Items.Select(p => p.Code));
        Assert.Equal(["one", null], body.Items.Select(p => p.Detail));
    }

    [Fact]
    public void Reads_a_value_that_is_not_text_as_its_json_and_skips_items_that_are_not_objects()
    {
        var items = Converter.ItemsIn("[{\"code\":42,\"detail\":{\"at\":1}},\"stray\",7,{\"code\":null}]");

        Assert.Equal(["42", ""], items.Select(p => p.Code));
        Assert.Equal("{\"at\":1}", items[0].Detail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("{\"other\":[{\"code\":\"A\"}]}")]
    [InlineData("{\"problems\":\"not a list\"}")]
    [InlineData("\"text\"")]
    public void A_raw_body_in_neither_form_has_no_items(string? body)
        => Assert.Empty(Converter.ItemsIn(body));

    [Theory]
    [InlineData("{\"other\":[]}", "the test's problem body has no problems.")]
    [InlineData("\"text\"", "Cannot read a String as the test's problem body.")]
    public void A_typed_read_of_neither_form_fails_naming_the_body(string json, string message)
        => Assert.Equal(message, Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Problems>(json, Options)).Message);

    [Fact]
    public void Writes_the_object_form()
        => Assert.Equal(
            "{\"problems\":[{\"code\":\"A\",\"detail\":null}]}",
            JsonSerializer.Serialize(new Problems { Items = [new Problem { Code = "A" }] }, Options));
}
