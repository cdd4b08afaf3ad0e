using Contracts.Testing;

namespace Contracts.Accengage.Tests;

public sealed class PagingTests : AccengageTestBase
{
    [Fact]
    public async Task Campaigns_follow_the_link_header_over_four_pages_and_stop_at_the_last()
    {
        Accengage.Api = PagedVendor.JsonList(Accengage.Server.BaseUrl, "campaigns", pages: 4, perPage: 3);

        var campaigns = await Client.EnumerateCampaignsAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long?)i), campaigns.Select(c => c.Id));
        Assert.Equal(
            ["/v1/me/apps/myPartnerId/campaigns", "/v1/me/apps/myPartnerId/campaigns?page=2&cursor=c2", "/v1/me/apps/myPartnerId/campaigns?page=3&cursor=c3", "/v1/me/apps/myPartnerId/campaigns?page=4&cursor=c4"],
            Accengage.ApiRequests.Select(r => r.Path + r.Query));
        Assert.Empty(Accengage.BadlySigned);
        Assert.All(Accengage.ApiRequests, r => Assert.StartsWith("Bearer ", r.Header("Authorization"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_start_page_is_asked_for_first()
    {
        Accengage.Api = PagedVendor.JsonList(Accengage.Server.BaseUrl, "alarms", pages: 5, perPage: 2);

        var alarms = await Client.EnumerateAlarmsAsync(startPage: 3).ToListAsync();

        Assert.Equal([5L, 6, 7, 8, 9, 10], alarms.Select(a => a.Id!.Value));
        Assert.Equal(["?page=3", "?page=4&cursor=c4", "?page=5&cursor=c5"], Accengage.ApiRequests.Select(r => r.Query));
    }

    [Fact]
    public void A_start_page_under_one_is_refused_before_anything_is_sent()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Client.EnumerateCampaignsAsync(startPage: 0));
        Assert.Empty(Accengage.Server.Requests);
    }

    [Fact]
    public async Task Filters_stay_on_every_page_because_the_link_is_followed_as_given()
    {
        Accengage.Api = PagedVendor.JsonList(Accengage.Server.BaseUrl, "clicks", pages: 3, perPage: 2);

        var clicks = await Client.EnumerateCampaignClicksAsync(91, startDate: "2015-01-01", endDate: "2015-01-31 23:59:59", data: ["clientId", "bundleversion"]).ToListAsync();

        Assert.Equal(6, clicks.Count);
        var queries = Accengage.ApiRequests.Select(r => r.Query).ToList();
        Assert.Equal("?startDate=2015-01-01&endDate=2015-01-31%2023%3A59%3A59&data%5B%5D=clientId&data%5B%5D=bundleversion", queries[0]);
        Assert.Equal(queries[0] + "&page=2&cursor=c2", queries[1]);
        Assert.Equal(queries[0] + "&page=3&cursor=c3", queries[2]);
        Assert.All(Accengage.ApiRequests, r => Assert.Equal("/v1/me/apps/myPartnerId/campaigns/91/clicks", r.Path));
    }

    [Fact]
    public async Task Pages_are_requested_only_as_the_reader_gets_to_them_and_cancellation_stops_the_rest()
    {
        Accengage.Api = PagedVendor.JsonList(Accengage.Server.BaseUrl, "messages", pages: 10, perPage: 3);
        using var cts = new CancellationTokenSource();
        var seen = new List<long>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var message in Client.EnumerateMessagesAsync(externalId: "PushCampaign2017%", cancellationToken: cts.Token))
            {
                seen.Add(message.Id!.Value);
                if (seen.Count == 4)
                    await cts.CancelAsync();
            }
        });

        Assert.Equal([1L, 2, 3, 4], seen);
        Assert.Equal(2, Accengage.ApiRequests.Count);
        Assert.Equal("?externalId=PushCampaign2017%25", Accengage.ApiRequests[0].Query);
    }

    [Fact]
    public async Task A_reader_that_stops_early_sends_no_further_request()
    {
        Accengage.Api = PagedVendor.JsonList(Accengage.Server.BaseUrl, "geofences", pages: 10, perPage: 5);

        var first = await Client.EnumerateGeofencesAsync().Take(7).ToListAsync();

        Assert.Equal(7, first.Count);
        Assert.Equal(2, Accengage.ApiRequests.Count);
    }

    [Fact]
    public async Task The_documented_answer_with_links_in_body_and_header_reads_every_page()
    {
        var baseUrl = Accengage.Server.BaseUrl.GetLeftPart(UriPartial.Authority);
        Accengage.Api = (request, context) =>
        {
            var page = PagedVendor.PageOf(request);
            var next = page < 3 ? $",\"next\":\"{baseUrl}/v1/me/apps/myPartnerId/lists?page={page + 1}\"" : "";
            context.Response.Headers["Link"] = page < 3
                ? $"<{baseUrl}/v1/me/apps/myPartnerId/lists?page=1>; rel=\"first\", <{baseUrl}/v1/me/apps/myPartnerId/lists?page={page + 1}>; rel=\"next\""
                : $"<{baseUrl}/v1/me/apps/myPartnerId/lists?page=1>; rel=\"first\", <{baseUrl}/v1/me/apps/myPartnerId/lists?page=2>; rel=\"prev\"";
            var links = $"\"first\":\"{baseUrl}/v1/me/apps/myPartnerId/lists?page=1\"{next}";
            return context.RespondJsonAsync(200, $$"""{"lists":[{"listId":{{page * 1000}},"name":"My list","externalId":"ext-{{page}}"}],"links":""" + "{" + links + "}}");
        };

        var lists = await Client.EnumerateStaticListsAsync().ToListAsync();

        Assert.Equal([1000L, 2000, 3000], lists.Select(l => l.ListId!.Value));
        Assert.Equal(3, Accengage.ApiRequests.Count);
    }

    [Fact]
    public async Task A_static_list_that_does_not_exist_is_an_empty_list_not_an_error()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(200, null);

        var devices = await Client.EnumerateStaticListDevicesAsync(9000).ToListAsync();
        var page = await Client.ListStaticListDevicesAsync(FakeAccengage.PartnerId, 9000);

        Assert.Empty(devices);
        Assert.Null(page.Devices);
        Assert.All(Accengage.ApiRequests, r => Assert.Equal("/v1/me/apps/myPartnerId/lists/9000", r.Path));
    }

    [Fact]
    public async Task A_refused_page_throws_the_vendor_error_while_enumerating()
    {
        Accengage.Api = (request, context) => PagedVendor.PageOf(request) == 1
            ? PagedVendor.JsonList(Accengage.Server.BaseUrl, "beacons", pages: 3, perPage: 2)(request, context)
            : context.RespondJsonAsync(500, FakeAccengage.Error("API_ERR_DB", "Database error"));
        var seen = new List<Beacon>();

        var error = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(async () =>
        {
            await foreach (var beacon in Client.EnumerateBeaconsAsync())
                seen.Add(beacon);
        });

        Assert.Equal(2, seen.Count);
        Assert.Equal(500, error.StatusCode);
        Assert.True(error.HasLabel(AccengageErrorLabels.Database));
    }

    public static TheoryData<string> PagedOperations() =>
    [
        "campaigns", "campaign clicks", "campaign targets", "messages", "message actions", "message clicks", "message targets",
        "static lists", "static list devices", "stats", "geofences", "beacons", "geogroups", "inapps", "alarms",
    ];

    [Theory]
    [MemberData(nameof(PagedOperations))]
    public async Task Every_paginated_json_list_reads_three_pages(string operation)
    {
        var (path, property, enumerate) = operation switch
        {
            "campaigns" => ("campaigns", "campaigns", Items(Client.EnumerateCampaignsAsync())),
            "campaign clicks" => ("campaigns/91/clicks", "clicks", Items(Client.EnumerateCampaignClicksAsync(91))),
            "campaign targets" => ("campaigns/91/targets", "targets", Items(Client.EnumerateCampaignTargetsAsync(91))),
            "messages" => ("messages", "messages", Items(Client.EnumerateMessagesAsync())),
            "message actions" => ("messages/1613/actions", "actions", Items(Client.EnumerateMessageActionsAsync(1613))),
            "message clicks" => ("messages/1613/clicks", "clicks", Items(Client.EnumerateMessageClicksAsync(1613))),
            "message targets" => ("messages/1613/targets", "targets", Items(Client.EnumerateMessageTargetsAsync(1613))),
            "static lists" => ("lists", "lists", Items(Client.EnumerateStaticListsAsync())),
            "static list devices" => ("lists/1235", "devices", Items(Client.EnumerateStaticListDevicesAsync(1235))),
            "stats" => ("stats", "stats", Items(Client.EnumerateStatsAsync(startDate: new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero)))),
            "geofences" => ("geofences", "geofences", Items(Client.EnumerateGeofencesAsync())),
            "beacons" => ("beacons", "beacons", Items(Client.EnumerateBeaconsAsync())),
            "geogroups" => ("geogroups", "geogroups", Items(Client.EnumerateGeogroupsAsync())),
            "inapps" => ("inapps", "inapps", Items(Client.EnumerateInAppsAsync())),
            "alarms" => ("alarms", "alarms", Items(Client.EnumerateAlarmsAsync())),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
        Accengage.Api = PagedVendor.JsonList(Accengage.Server.BaseUrl, property, pages: 3, perPage: 4);

        var items = await enumerate.ToListAsync();

        Assert.Equal(12, items.Count);
        Assert.All(Accengage.ApiRequests, r => Assert.Equal($"/v1/me/apps/myPartnerId/{path}", r.Path));
        Assert.Equal(3, Accengage.ApiRequests.Count);
        Assert.All(Accengage.ApiRequests, r => Assert.Equal("GET", r.Method));
    }

    private static IAsyncEnumerable<object> Items<T>(IAsyncEnumerable<T> items) where T : class => items;
}
