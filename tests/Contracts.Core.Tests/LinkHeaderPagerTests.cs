using Contracts.Core.Paging;

namespace Contracts.Core.Tests;

public sealed class LinkHeaderPagerTests
{
    private static readonly Uri Page1 = new("https://api.example.test/items");

    [Theory]
    [InlineData("<https://api.example.test/items?page=1>; rel=\"first\", <https://api.example.test/items?page=3>; rel=\"next\"", "https://api.example.test/items?page=3")]
    [InlineData("<https://api.example.test/items?page=3>; rel=next", "https://api.example.test/items?page=3")]
    [InlineData("<https://api.example.test/items?page=3>;rel=\"next last\"", "https://api.example.test/items?page=3")]
    [InlineData("<https://api.example.test/a?page=1>; title=\"x, <y>; rel=next\"; rel=\"prev\", <https://api.example.test/a?page=3>; REL=\"Next\"", "https://api.example.test/a?page=3")]
    [InlineData("</items?page=2&sort=asc>; rel=\"next\"", "https://api.example.test/items?page=2&sort=asc")]
    [InlineData("<?page=2>; rel=\"next\"", "https://api.example.test/items?page=2")]
    public void Finds_the_next_link(string header, string expected)
        => Assert.Equal(new Uri(expected), LinkHeaderPager.FindNext([header], Page1));

    [Theory]
    [InlineData("<https://api.example.test/items?page=1>; rel=\"first\", <https://api.example.test/items?page=1>; rel=\"prev\"")]
    [InlineData("<https://api.example.test/items?page=2>; rel=\"nextish\"")]
    [InlineData("")]
    [InlineData("garbage, <unterminated")]
    public void Finds_no_next_link_when_there_is_none(string header)
        => Assert.Null(LinkHeaderPager.FindNext([header], Page1));

    [Fact]
    public void Reads_next_from_any_of_several_header_values()
        => Assert.Equal(new Uri("https://api.example.test/items?page=2"), LinkHeaderPager.FindNext(["<https://api.example.test/items?page=1>; rel=\"first\"", "<https://api.example.test/items?page=2>; rel=\"next\""], Page1));

    [Fact]
    public async Task Follows_next_links_exactly_until_a_page_has_none()
    {
        var requested = new List<Uri?>();
        var items = await LinkHeaderPager.ReadAllAsync<int>((next, _) =>
        {
            requested.Add(next);
            var n = next is null ? 1 : int.Parse(next.Query.Split('=')[^1], System.Globalization.CultureInfo.InvariantCulture);
            var link = n < 4 ? $"<https://api.example.test/items?filter=a%20b&page={n + 1}>; rel=\"next\"" : "<https://api.example.test/items?page=1>; rel=\"first\"";
            return Task.FromResult(Page([n * 10, n * 10 + 1], link, next ?? Page1));
        }).ToListAsync();

        Assert.Equal([10, 11, 20, 21, 30, 31, 40, 41], items);
        Assert.Equal([null, new("https://api.example.test/items?filter=a%20b&page=2"), new("https://api.example.test/items?filter=a%20b&page=3"), new("https://api.example.test/items?filter=a%20b&page=4")], requested);
    }

    [Fact]
    public async Task Requests_a_page_only_when_the_reader_gets_to_it()
    {
        var fetched = 0;
        await foreach (var item in LinkHeaderPager.ReadAllAsync<int>((next, _) =>
        {
            fetched++;
            return Task.FromResult(Page([fetched], $"<https://api.example.test/items?page={fetched + 1}>; rel=\"next\"", next ?? Page1));
        }))
        {
            if (item == 2)
                break;
        }

        Assert.Equal(2, fetched);
    }

    [Fact]
    public async Task An_empty_page_ends_the_list_even_with_a_next_link()
    {
        var fetched = 0;
        var items = await LinkHeaderPager.ReadAllAsync<int>((next, _) =>
        {
            fetched++;
            int[] page = fetched == 1 ? [1] : [];
            return Task.FromResult(Page(page, $"<https://api.example.test/items?page={fetched + 1}>; rel=\"next\"", next ?? Page1));
        }).ToListAsync();

        Assert.Equal([1], items);
        Assert.Equal(2, fetched);
    }

    [Fact]
    public async Task Cancellation_stops_between_pages()
    {
        using var cts = new CancellationTokenSource();
        var fetched = 0;
        var seen = new List<int>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in LinkHeaderPager.ReadAllAsync<int>((next, _) =>
            {
                fetched++;
                return Task.FromResult(Page([fetched], $"<https://api.example.test/items?page={fetched + 1}>; rel=\"next\"", next ?? Page1));
            }, cts.Token))
            {
                seen.Add(item);
                if (item == 2)
                    await cts.CancelAsync();
            }
        });

        Assert.Equal([1, 2], seen);
        Assert.Equal(2, fetched);
    }

    [Fact]
    public async Task A_next_link_to_another_origin_is_refused()
    {
        var error = await Assert.ThrowsAsync<PagingException>(async () =>
            await LinkHeaderPager.ReadAllAsync<int>((next, _) =>
                Task.FromResult(Page([1], "<https://elsewhere.example.test/items?page=2>; rel=\"next\"", next ?? Page1))).ToListAsync());

        Assert.Equal(PagingStop.OtherOrigin, error.Reason);
        Assert.Contains("another origin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_next_link_from_a_page_without_a_known_url_is_refused_not_followed()
    {
        // An answer whose request is unknown (a transport that does not link them): nothing to check the origin against.
        var asked = new List<Uri?>();
        var error = await Assert.ThrowsAsync<PagingException>(async () =>
            await LinkHeaderPager.ReadAllAsync<int>((next, _) =>
            {
                asked.Add(next);
                return Task.FromResult(new LinkedPage<int>(new[] { asked.Count }.ToAsyncEnumerable(), ["<https://elsewhere.example.test/items?page=2>; rel=\"next\""], null));
            }).ToListAsync());

        Assert.Equal(PagingStop.OtherOrigin, error.Reason);
        Assert.Equal([null], asked);
    }

    [Fact]
    public async Task A_next_link_back_to_a_page_already_read_is_refused()
    {
        var error = await Assert.ThrowsAsync<PagingException>(async () =>
            await LinkHeaderPager.ReadAllAsync<int>((next, _) =>
                Task.FromResult(Page([1], next is null ? "<https://api.example.test/items?page=2>; rel=\"next\"" : "<https://api.example.test/items>; rel=\"next\"", next ?? Page1))).ToListAsync());

        Assert.Equal(PagingStop.Loop, error.Reason);
        Assert.Contains("already read", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.example.test/items?page=2#again")] // a fragment added
    [InlineData("https://API.example.test:443/items?page=2")] // host case and default port
    [InlineData("https://api.example.test/%69tems?page=2")] // an escaped letter in the path
    public async Task A_loop_is_found_under_another_spelling_of_a_page_already_read(string again)
    {
        // Page 1 links to page 2; page 2 links back to page 2 spelled otherwise.
        var page2 = new Uri("https://api.example.test/items?page=2");
        var fetched = 0;
        var error = await Assert.ThrowsAsync<PagingException>(async () =>
            await LinkHeaderPager.ReadAllAsync<int>((next, _) =>
            {
                fetched++;
                return Task.FromResult(next is null
                    ? Page([1], $"<{page2}>; rel=\"next\"", Page1)
                    : Page([2], $"<{again}>; rel=\"next\"", next));
            }).ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(PagingStop.Loop, error.Reason);
        Assert.Equal(2, fetched);
    }

    [Fact]
    public async Task A_loop_is_found_when_the_query_is_reordered()
    {
        var first = new Uri("https://api.example.test/items?page=2&size=10");
        var error = await Assert.ThrowsAsync<PagingException>(async () =>
            await LinkHeaderPager.ReadAllAsync<int>((next, _) => Task.FromResult(next is null
                ? Page([1], $"<{first}>; rel=\"next\"", Page1)
                : Page([2], "<https://api.example.test/items?size=10&page=2>; rel=\"next\"", next))).ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(PagingStop.Loop, error.Reason);
    }

    [Fact]
    public async Task A_list_longer_than_the_page_cap_ends_with_a_typed_error_after_the_cap()
    {
        var fetched = 0;
        var items = new List<int>();
        var error = await Assert.ThrowsAsync<PagingException>(async () =>
        {
            // Every page links to a new page: only the cap ends it.
            await foreach (var item in LinkHeaderPager.ReadAllAsync<int>((next, _) =>
            {
                var n = ++fetched;
                return Task.FromResult(Page([n], $"<https://api.example.test/items?page={n + 1}>; rel=\"next\"", next ?? Page1));
            }, maxPages: 5))
                items.Add(item);
        });

        Assert.Equal(PagingStop.PageCap, error.Reason);
        Assert.Equal(5, fetched);
        Assert.Equal([1, 2, 3, 4, 5], items);
    }

    private static LinkedPage<int> Page(int[] items, string link, Uri requestUri) => new(items.ToAsyncEnumerable(), [link], requestUri);
}
