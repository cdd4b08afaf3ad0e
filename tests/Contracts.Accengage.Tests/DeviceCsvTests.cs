using System.Text;
using Contracts.Testing;
using Microsoft.AspNetCore.Http;

namespace Contracts.Accengage.Tests;

/// <summary>The CSV device list: semicolon-separated, paged by the Link header only, streamed row by row.</summary>
public sealed class DeviceCsvTests : AccengageTestBase
{
    [Fact]
    public async Task A_page_sent_in_parts_is_read_whole_within_the_limits_then_handed_out_row_by_row()
    {
        // Each page is read whole (bounded by MaxResponseBytes and the call's Timeout) before its rows are handed
        // out: a body streamed to the reader would escape both, and a 10,000-device page is about 1 MiB.
        Accengage.Api = async (_, context) =>
        {
            context.Response.ContentType = "text/csv; charset=utf-8";
            await WriteAsync(context, "UDID;IDFA\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"udid-{i};idfa-{i}\n")));
            await Task.Delay(200);
            await WriteAsync(context, string.Concat(Enumerable.Range(50, 9_950).Select(i => $"udid-{i};idfa-{i}\n")));
        };

        var rows = new List<DeviceRow>();
        await foreach (var row in Client.EnumerateDevicesAsync(fields: ["UDID", "IDFA"]))
            rows.Add(row);

        Assert.Equal(10_000, rows.Count);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => $"udid-{i}"), rows.Select(r => r.Udid));
        Assert.Equal("idfa-9999", rows[^1]["IDFA"]);
        var request = Assert.Single(Accengage.ApiRequests);
        Assert.Equal("?fields%5B%5D=UDID&fields%5B%5D=IDFA", request.Query);
        Assert.Equal("text/csv", request.Header("Accept"));
    }

    [Fact]
    public async Task Pages_follow_the_link_header_with_the_original_filters()
    {
        Accengage.Api = async (request, context) =>
        {
            var page = PagedVendor.PageOf(request);
            context.Response.Headers["Link"] = PagedVendor.LinkHeader(Accengage.Server.BaseUrl, request, page, pages: 3);
            context.Response.ContentType = "text/csv";
            await WriteAsync(context, $"UDID;lastOpen\nudid-{page}a;2014-06-09 10:00:00\nudid-{page}b;2014-06-10 10:00:00\n");
        };

        var rows = await Client.EnumerateDevicesAsync(lastOpen: "2014-06-08 12:34:56").ToListAsync();

        Assert.Equal(["udid-1a", "udid-1b", "udid-2a", "udid-2b", "udid-3a", "udid-3b"], rows.Select(r => r.Udid));
        Assert.Equal(
            ["?lastOpen=2014-06-08%2012%3A34%3A56", "?lastOpen=2014-06-08%2012%3A34%3A56&page=2&cursor=c2", "?lastOpen=2014-06-08%2012%3A34%3A56&page=3&cursor=c3"],
            Accengage.ApiRequests.Select(r => r.Query));
        Assert.Empty(Accengage.BadlySigned);
    }

    [Fact]
    public async Task Quoted_values_keep_their_semicolons_quotes_and_accents()
    {
        Accengage.Api = (_, context) => WriteAsync(context, "UDID;city;nickname\n\"F315;48\";Montréal;\"say \"\"hi\"\"\"\nA404;;plain\n");

        var rows = await Client.EnumerateDevicesAsync(startPage: 2).ToListAsync();

        Assert.Equal(2, rows.Count);
        Assert.Equal("F315;48", rows[0].Udid);
        Assert.Equal("Montréal", rows[0]["CITY"]);
        Assert.Equal("say \"hi\"", rows[0]["nickname"]);
        Assert.Equal("", rows[1]["city"]);
        Assert.Null(rows[1]["unknown"]);
        Assert.Equal(["UDID", "city", "nickname"], rows[1].Columns);
        Assert.Equal("?page=2", Assert.Single(Accengage.ApiRequests).Query);
    }

    [Fact]
    public async Task An_empty_body_means_no_device()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(200, null);

        Assert.Empty(await Client.EnumerateDevicesAsync().ToListAsync());
    }

    [Fact]
    public async Task An_unknown_field_is_the_vendor_error_with_its_label()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(400, FakeAccengage.Error("API_ERR_DATA", "Field IDFB does not exist"));

        var error = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(async () => await Client.EnumerateDevicesAsync(fields: ["IDFB"]).ToListAsync());

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(AccengageErrorLabels.Data, error.ErrorCode);
    }

    private static async Task WriteAsync(HttpContext context, string text)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text));
        await context.Response.Body.FlushAsync();
    }
}
