using System.Text.Json;

namespace Contracts.Accengage.Tests;

/// <summary>
/// Every list model takes its paging links from one ListPage base (the contract's allOf): each still reads and writes
/// both body fields, <c>links</c> and <c>link</c>, under those names, as the source-generated JSON of the client does.
/// </summary>
public sealed class ListPageRoundTripTests
{
    private const string Page = """{"links":{"next":"https://127.0.0.1/v1/next"},"link":{"first":"https://127.0.0.1/v1/first"}}""";

    public static TheoryData<string> ListModels()
    {
        var models = typeof(ListPage).Assembly.GetExportedTypes().Where(type => type.IsSubclassOf(typeof(ListPage))).Select(type => type.Name).Order();
        return new TheoryData<string>(models);
    }

    [Fact]
    public void Every_list_model_the_contract_pages_is_a_ListPage()
        => Assert.Equal(13, ListModels().Count);

    [Theory]
    [MemberData(nameof(ListModels))]
    public void A_list_model_reads_and_writes_both_paging_fields(string name)
    {
        var info = AccengageClientJson.Default.GetTypeInfo(typeof(ListPage).Assembly.GetExportedTypes().Single(type => type.Name == name))!;

        var page = (ListPage)JsonSerializer.Deserialize(Page, info)!;
        using var written = JsonDocument.Parse(JsonSerializer.Serialize(page, info));

        Assert.Equal(("https://127.0.0.1/v1/next", "https://127.0.0.1/v1/first"), (page.Links?.Next, page.Link?.First));
        Assert.Equal("https://127.0.0.1/v1/next", written.RootElement.GetProperty("links").GetProperty("next").GetString());
        Assert.Equal("https://127.0.0.1/v1/first", written.RootElement.GetProperty("link").GetProperty("first").GetString());
    }
}
