using Contracts.Accengage;
using Contracts.Core.Paging;
using Microsoft.Extensions.Options;

namespace Contracts.Hostile.Tests.Accengage;

/// <summary>Accengage's paging ends on loops and at its page cap; path values that would climb out of a route never leave.</summary>
public sealed class AccengagePathAndPagingTests : AccengageHost
{
    public static TheoryData<string> LoopSpellings => ["same", "fragment", "query reordered", "host case", "scheme and host case"];

    /// <summary>Page 1, then page 2 (two query parameters), whose next link is page 2 or page 1 again under another spelling.</summary>
    private void LoopingList(string spelling, Uri baseUrl)
    {
        var origin = baseUrl.GetLeftPart(UriPartial.Authority);
        ListScript = (request, exchange) =>
        {
            var first = ListRequests[0];
            var onFirst = request.ArrivalIndex == first.ArrivalIndex;
            string next;
            if (onFirst)
                next = $"{origin}{CampaignsPath}?page=2&cursor=c2";
            else
            {
                next = spelling switch
                {
                    "same" => $"{origin}{CampaignsPath}?page=2&cursor=c2",
                    "fragment" => $"{origin}{first.Target}#again",
                    "query reordered" => $"{origin}{CampaignsPath}?cursor=c2&page=2",
                    "host case" => $"{origin.ToUpperInvariant().Replace("HTTP://", "http://", StringComparison.Ordinal)}{first.Target}",
                    "scheme and host case" => $"{origin.ToUpperInvariant()}{CampaignsPath}?page=2&cursor=c2",
                    _ => throw new ArgumentOutOfRangeException(nameof(spelling)),
                };
            }

            return exchange.RespondAsync(200, $$"""{"campaigns":[{"id":{{request.ArrivalIndex}}}]}""", headers: [("Link", $"<{next}>; rel=\"next\"")]);
        };
    }

    [Theory]
    [MemberData(nameof(LoopSpellings))]
    public async Task A_next_link_back_to_a_page_already_read_under_another_spelling_is_a_loop(string spelling)
    {
        // A host name with letters, so that its case can change: localhost, on the server's port.
        var baseUrl = new Uri($"http://localhost:{Server.Port}/");
        LoopingList(spelling, baseUrl);
        using var client = Client(o => o.BaseUrl = baseUrl);

        var error = await Guarantees.ThrowsWithin<PagingException>(async () =>
        {
            await foreach (var _ in client.EnumerateCampaignsAsync())
            {
            }
        });

        Assert.Equal(PagingStop.Loop, error.Reason);
        Assert.InRange(ListRequests.Count, 2, 3);
    }

    [Theory]
    [InlineData("/v1/me/apps/otherPartner/campaigns?page=2")] // another account's list
    [InlineData(SendPath + "?page=2")] // another resource of the same account
    [InlineData(CampaignsPath + "/91/clicks?page=2")] // a resource under the list's own path
    [InlineData("/v1/me/apps/" + PartnerId + "%2Fcampaigns?page=2")] // the same path once unescaped, another app ('hostilePartner/campaigns') to a server that routes on the escaped path
    [InlineData("/v1/me/apps%2F" + PartnerId + "/campaigns?page=2")]
    public async Task A_next_link_that_leaves_the_operations_path_is_refused_and_never_requested(string nextTarget)
    {
        ListScript = (_, exchange) => exchange.RespondAsync(200, """{"campaigns":[{"id":1}]}""", headers: [("Link", $"<{new Uri(Server.BaseUrl, nextTarget)}>; rel=\"next\"")]);
        using var client = Client();
        var read = 0;

        var error = await Guarantees.ThrowsWithin<PagingException>(async () =>
        {
            await foreach (var _ in client.EnumerateCampaignsAsync())
                read++;
        });

        Assert.Equal(PagingStop.OtherRoute, error.Reason);
        Assert.Equal(1, read);
        Assert.Single(ListRequests);
        Assert.Single(Server.Requests, r => r.Path != TokenPath);
    }

    [Fact]
    public async Task An_endless_list_of_new_pages_stops_at_the_page_cap()
    {
        ListScript = (request, exchange) =>
        {
            var n = ListRequests.Count;
            var next = new Uri(Server.BaseUrl, $"{CampaignsPath}?page={n + 1}&cursor=c{n + 1}");
            return exchange.RespondAsync(200, $$"""{"campaigns":[{"id":{{n}}}]}""", headers: [("Link", $"<{next}>; rel=\"next\"")]);
        };
        using var client = Client(o => o.MaxPages = 5);
        var read = 0;

        var error = await Guarantees.ThrowsWithin<PagingException>(async () =>
        {
            await foreach (var _ in client.EnumerateCampaignsAsync())
                read++;
        });

        Assert.Equal(PagingStop.PageCap, error.Reason);
        Assert.Equal(5, ListRequests.Count);
        Assert.Equal(5, read);
    }

    [Theory]
    [InlineData("update device", ".")]
    [InlineData("update device", "..")]
    [InlineData("update device", "")]
    [InlineData("alarm by external id", ".")]
    [InlineData("alarm by external id", "..")]
    [InlineData("alarm by external id", "")]
    [InlineData("partner id argument", ".")]
    [InlineData("partner id argument", "..")]
    [InlineData("partner id argument", "")]
    public async Task A_dot_segment_or_empty_path_value_is_refused_before_anything_is_sent(string operation, string value)
    {
        using var client = Client();

        Func<Task> call = operation switch
        {
            "update device" => () => client.UpdateDeviceAsync(PartnerId, value, new Dictionary<string, object> { ["token"] = "x" }),
            "alarm by external id" => () => client.GetAlarmByExternalIdAsync(PartnerId, value),
            "partner id argument" => () => client.ListCampaignsAsync(value),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        var error = await Record.ExceptionAsync(() => call().WaitAsync(Guarantees.Patience));

        Assert.True(error is ArgumentException, $"expected an ArgumentException, got {error?.GetType().Name ?? "success"}; the server saw: [{string.Join(", ", Server.Requests.Select(r => r.Method + " " + r.Target))}]");
        Assert.Empty(Server.Requests);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void A_dot_segment_partner_id_is_refused_by_the_options(string partnerId)
    {
        var error = Assert.Throws<OptionsValidationException>(() => new AccengageClient(Options(o => o.PartnerId = partnerId)));

        Assert.Contains("PartnerId", error.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }
}
