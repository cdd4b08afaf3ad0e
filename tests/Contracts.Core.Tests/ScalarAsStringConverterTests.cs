using System.Text.Json;
using Contracts.Core.Json;

namespace Contracts.Core.Tests;

public sealed class ScalarAsStringConverterTests
{
    private sealed record Answer(string? ErrorCode, string? Response);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new ScalarAsStringConverter(numbers: true, objects: true) } };

    [Theory]
    [InlineData("{\"errorCode\":0}", "0")]
    [InlineData("{\"errorCode\":200}", "200")]
    [InlineData("{\"errorCode\":\"\"}", "")]
    [InlineData("{\"errorCode\":\"400\"}", "400")]
    [InlineData("{\"errorCode\":null}", null)]
    [InlineData("{\"errorCode\":true}", "true")]
    [InlineData("{\"errorCode\":1.5e3}", "1.5e3")]
    public void Reads_numbers_strings_and_null_as_text(string json, string? expected)
        => Assert.Equal(expected, JsonSerializer.Deserialize<Answer>(json, Options)!.ErrorCode);

    [Fact]
    public void Reads_an_object_as_its_raw_json()
        => Assert.Equal("{\"detail\":[1,2]}", JsonSerializer.Deserialize<Answer>("{\"response\":{\"detail\":[1,2]}}", Options)!.Response);

    [Fact]
    public void Writes_strings_as_strings()
        => Assert.Equal("{\"ErrorCode\":\"200\",\"Response\":null}", JsonSerializer.Serialize(new Answer("200", null), new JsonSerializerOptions { Converters = { new ScalarAsStringConverter(numbers: true, objects: true) } }));

    [Fact]
    public void Utc_converter_writes_z_whatever_the_offset()
    {
        var options = new JsonSerializerOptions { Converters = { new UtcDateTimeOffsetConverter() } };
        Assert.Equal("\"2020-02-10T16:00:00Z\"", JsonSerializer.Serialize(new DateTimeOffset(2020, 2, 10, 18, 0, 0, TimeSpan.FromHours(2)), options));
        Assert.Equal("\"2020-02-10T16:00:00.5Z\"", JsonSerializer.Serialize(new DateTimeOffset(2020, 2, 10, 16, 0, 0, 500, TimeSpan.Zero), options));
        Assert.Equal(new DateTimeOffset(2020, 2, 10, 16, 0, 0, TimeSpan.Zero), JsonSerializer.Deserialize<DateTimeOffset>("\"2020-02-10T16:00:00Z\"", options));
    }
}
