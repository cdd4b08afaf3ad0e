using Contracts.Pacts;
using Contracts.Pacts.Matchers;
using Xunit.Abstractions;
using static Contracts.Accengage.Tests.ConsumerContracts.AccengageContract;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>
/// Consumer contracts of paging, on the campaigns: the Link header's next link followed page after page, the last
/// page (no next link), the links body, and a start page. Every other list's contract has its one-page shape too.
/// </summary>
public sealed class PagingContractTests(ITestOutputHelper output)
{
    private const string ThreePages = "the app has three pages of campaigns";

    private static readonly PagedRoute Campaigns = new(AppPath + "/campaigns", "/v1/me/apps/[^/]+/campaigns");

    [Fact]
    public async Task Every_page_is_read_by_following_the_next_link_until_the_last_page()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        CampaignsPage(builder, 1);
        CampaignsPage(builder, 2);
        CampaignsPage(builder, 3);

        await VerifyAsync(builder, async (client, wire) =>
        {
            var campaigns = await client.EnumerateCampaignsAsync().ToListAsync();

            Assert.Equal([91L, 92L, 93L], campaigns.Select(c => c.Id!.Value));
            Assert.Equal(4, wire.Sent.Count); // the token, then one request per page and none after the last
        });
    }

    [Fact]
    public async Task The_links_body_names_the_first_and_the_next_page()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        CampaignsPage(builder, 1);

        await VerifyAsync(builder, async client =>
        {
            var page = await client.ListCampaignsAsync(PartnerId);

            Assert.Equal(91L, Assert.Single(page.Campaigns!).Id);
            Assert.Equal("https://api.accengage.com/v1/me/apps/myPartnerId/campaigns?page=1", page.Links!.First);
            Assert.Equal("https://api.accengage.com/v1/me/apps/myPartnerId/campaigns?page=2", page.Links.Next);
        });
    }

    [Fact]
    public async Task A_start_page_is_asked_for_first_and_the_last_page_ends_the_list()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        CampaignsPage(builder, 3);

        await VerifyAsync(builder, async client =>
        {
            var campaigns = await client.EnumerateCampaignsAsync(startPage: 3).ToListAsync();

            Assert.Equal(93L, Assert.Single(campaigns).Id);
        });
    }

    /// <summary>Page <paramref name="page"/> of three, one campaign each (91, 92, 93); the first request carries no page parameter.</summary>
    private static void CampaignsPage(PactBuilder builder, int page)
    {
        var isLast = page == 3;
        var request = Campaigns.Request(builder, isLast ? $"a request for page {page} of the campaigns, the last one" : $"a request for page {page} of the campaigns", ThreePages);
        if (page > 1)
            request.WithQuery("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Campaigns.RespondWithPage(request, page, isLast, "campaigns", Match.MinType(new { id = Match.Integer(90 + page), name = Match.Type("Summer sales") }, 1));
    }
}
