using Contracts.Pacts;
using Contracts.Pacts.Matchers;
using Xunit.Abstractions;
using static Contracts.Accengage.Tests.ConsumerContracts.AccengageContract;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>Consumer contracts of what campaigns and messages did: clicks and targets (by campaign and by message), and daily statistics.</summary>
public sealed class ReportingContractTests(ITestOutputHelper output)
{
    private const string DeviceId = "F31548D3-F93E-498F-8E01-F18CC4EB2F5F";

    /// <summary>The filters of the clicks by campaign, which the next link repeats.</summary>
    private static readonly PagedRoute CampaignClicks = new(
        AppPath + "/campaigns/91/clicks",
        "/v1/me/apps/[^/]+/campaigns/[0-9]+/clicks",
        "startDate=2015-01-01&endDate=2015-01-31%2023%3A59%3A59&data%5B%5D=clientId&data%5B%5D=bundleversion&");

    private static readonly PagedRoute CampaignTargets = new(AppPath + "/campaigns/91/targets", "/v1/me/apps/[^/]+/campaigns/[0-9]+/targets", "data%5B%5D=clientId&");
    private static readonly PagedRoute MessageClicks = new(AppPath + "/messages/2157/clicks", "/v1/me/apps/[^/]+/messages/[0-9]+/clicks");
    private static readonly PagedRoute MessageTargets = new(AppPath + "/messages/2157/targets", "/v1/me/apps/[^/]+/messages/[0-9]+/targets");
    private static readonly PagedRoute Stats = new(AppPath + "/stats", "/v1/me/apps/[^/]+/stats", "startDate=2015-01-01&endDate=2015-01-31&");

    [Fact]
    public async Task The_clicks_of_a_campaign_keep_their_filters_on_the_next_page()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        CampaignClicksPage(builder, 1, actionId: 3);
        CampaignClicksPage(builder, 2, actionId: 4);

        await VerifyAsync(builder, async client =>
        {
            var clicks = await client.EnumerateCampaignClicksAsync(91, startDate: "2015-01-01", endDate: "2015-01-31 23:59:59", data: ["clientId", "bundleversion"]).ToListAsync();

            Assert.Equal([3L, 4L], clicks.Select(c => c.ActionId!.Value));
            Assert.All(clicks, c => Assert.Equal(DeviceId, c.DeviceId));
            Assert.Equal("2015-01-01 12:34:56", clicks[0].Date);
            Assert.Equal("123456", clicks[0].Data!["clientId"].ToString());
        });
    }

    [Fact]
    public async Task The_targets_of_a_campaign_carry_the_requested_device_data()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        CampaignTargets.RespondWithPage(
            CampaignTargets.Request(builder, "a request for the targets of a campaign with their client ID", "campaign 91 was sent to a device with a client ID")
                .WithQuery("data[]", "clientId"),
            1,
            isLast: true,
            "targets",
            Match.MinType(new { deviceId = Match.Type(DeviceId), date = Match.Regex("2015-01-01 12:00:00", DayOrSpacedDateTime), data = new { clientId = Match.Type("123456") } }, 1));

        await VerifyAsync(builder, async client =>
        {
            var target = Assert.Single(await client.EnumerateCampaignTargetsAsync(91, data: ["clientId"]).ToListAsync());

            Assert.Equal(DeviceId, target.DeviceId);
            Assert.Equal("123456", target.Data!["clientId"].ToString());
        });
    }

    [Fact]
    public async Task The_clicks_and_targets_of_a_message_are_listed()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        MessageClicks.RespondWithPage(
            MessageClicks.Request(builder, "a request for the clicks of a message", "message 2157 was clicked"),
            1,
            isLast: true,
            "clicks",
            Match.MinType(new { deviceId = Match.Type(DeviceId), actionId = Match.Integer(3), date = Match.Regex("2015-01-01 12:34:56", DayOrSpacedDateTime) }, 1));
        MessageTargets.RespondWithPage(
            MessageTargets.Request(builder, "a request for the targets of a message", "message 2157 was sent"),
            1,
            isLast: true,
            "targets",
            Match.MinType(new { deviceId = Match.Type(DeviceId), date = Match.Regex("2015-01-01 12:00:00", DayOrSpacedDateTime) }, 1));

        await VerifyAsync(builder, async client =>
        {
            var click = Assert.Single(await client.EnumerateMessageClicksAsync(2157).ToListAsync());
            var target = Assert.Single(await client.EnumerateMessageTargetsAsync(2157).ToListAsync());

            Assert.Equal(3L, click.ActionId);
            Assert.Equal("2015-01-01 12:00:00", target.Date);
        });
    }

    [Fact]
    public async Task Daily_statistics_are_read_for_a_range_of_days()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        Stats.RespondWithPage(
            Stats.Request(builder, "a request for the statistics of January 2015", "the app has statistics for January 2015")
                .WithQuery("startDate", Match.Regex("2015-01-01", Day))
                .WithQuery("endDate", Match.Regex("2015-01-31", Day)),
            1,
            isLast: true,
            "stats",
            Match.MinType(new { date = Match.Regex("2015-01-01", Day) }, 1));

        await VerifyAsync(builder, async client =>
        {
            var stats = await client.EnumerateStatsAsync(startDate: new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero), endDate: new DateTimeOffset(2015, 1, 31, 0, 0, 0, TimeSpan.Zero)).ToListAsync();

            Assert.Equal(new DateTime(2015, 1, 1), Assert.Single(stats).Date!.Value.Date);
        });
    }

    /// <summary>Page <paramref name="page"/> of two of the clicks of campaign 91 in January 2015, with the client ID and bundle version of each device.</summary>
    private static void CampaignClicksPage(PactBuilder builder, int page, long actionId)
    {
        var isLast = page == 2;
        var request = CampaignClicks.Request(
                builder,
                isLast ? "a request for the last page of the clicks of a campaign in January 2015" : "a request for the clicks of a campaign in January 2015",
                "campaign 91 has two pages of clicks in January 2015")
            .WithQuery("startDate", Match.Regex("2015-01-01", DayOrSpacedDateTime))
            .WithQuery("endDate", Match.Regex("2015-01-31 23:59:59", DayOrSpacedDateTime))
            .WithQuery("data[]", "clientId")
            .WithQuery("data[]", "bundleversion");
        if (page > 1)
            request.WithQuery("page", "2");
        var click = new
        {
            deviceId = Match.Type(DeviceId),
            actionId = Match.Integer(actionId),
            date = Match.Regex("2015-01-01 12:34:56", DayOrSpacedDateTime),
            data = new { clientId = Match.Type("123456"), bundleversion = Match.Type("2.1.0") },
        };
        CampaignClicks.RespondWithPage(request, page, isLast, "clicks", Match.MinType(click, 1));
    }
}
