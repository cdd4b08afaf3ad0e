using Contracts.Core;
using Contracts.Testing;
using Microsoft.AspNetCore.Http;

namespace Contracts.Accengage.Tests;

/// <summary>
/// What the Accengage API (v1) documentation leaves open, read tolerantly where it shows several forms and loudly
/// where an answer cannot be read: every case fails on a client that guessed one strict form.
/// </summary>
public sealed class ReadingPolicyTests : AccengageTestBase
{
    private const string Page1 = "/v1/me/apps/myPartnerId/campaigns";

    [Fact]
    public async Task Links_written_as_an_array_do_not_fail_the_list_and_body_links_are_followed_without_a_link_header()
    {
        var next = new Uri(Accengage.Server.BaseUrl, Page1 + "?page=2").ToString();
        Accengage.Api = (request, context) => context.RespondJsonAsync(200, request.Query == ""
            ? $$"""{"campaigns":[{"id":1}],"links":[{"first":"{{Accengage.Server.BaseUrl}}v1/me/apps/myPartnerId/campaigns?page=1"},{"next":"{{next}}"}]}"""
            : """{"campaigns":[{"id":2}],"link":{"first":"x"}}""");

        var campaigns = await Client.EnumerateCampaignsAsync().ToListAsync();

        Assert.Equal([1L, 2L], campaigns.Select(c => c.Id!.Value));
        Assert.Equal(["", "?page=2"], Accengage.ApiRequests.Select(r => r.Query));
    }

    [Fact]
    public async Task A_list_page_without_its_item_list_is_an_unreadable_answer_carrying_the_body()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(200, """{"items":[{"id":1},{"id":2}],"links":{"first":"x"}}""");

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(async () => await Client.EnumerateCampaignsAsync().ToListAsync());

        Assert.Equal("Accengage", error.Vendor);
        Assert.Equal(200, error.StatusCode);
        Assert.Contains("\"items\"", error.RawBody, StringComparison.Ordinal);
        Assert.Contains("Campaigns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_documented_empty_answer_of_a_static_list_stays_an_empty_list()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(200, null);

        Assert.Empty(await Client.EnumerateStaticListDevicesAsync(7).ToListAsync());
    }

    [Fact]
    public async Task An_empty_answer_to_a_list_that_does_not_document_one_fails_instead_of_reading_as_an_empty_list()
    {
        // Only listStaticListDevices declares the empty answer (x-lenient: [empty-body]); the pager reads the
        // operation's own rule, so an empty campaigns page is an error carrying the answer, never "no campaigns".
        Accengage.Api = (_, context) => context.RespondJsonAsync(200, null);

        var error = await Assert.ThrowsAsync<AccengageException>(async () => await Client.EnumerateCampaignsAsync().ToListAsync());

        Assert.Equal(200, error.StatusCode);
    }

    [Fact]
    public async Task Campaign_and_schedule_dates_in_the_documents_space_form_are_read()
    {
        Accengage.Api = (request, context) => context.RespondJsonAsync(200, request.Path.EndsWith("/schedules", StringComparison.Ordinal)
            ? """{"nextSendingDate":"2030-06-01 10:00:00","startDate":"2030-06-01","endDate":"2030-06-30T23:59:59+02:00"}"""
            : """{"id":91,"name":"Summer","startDate":"2030-06-01 00:00:00","endDate":"2030-06-30 23:59:59"}""");

        var campaign = await Client.GetCampaignAsync(FakeAccengage.PartnerId, 91);
        var schedule = await Client.GetScheduleAsync(FakeAccengage.PartnerId, 5);

        Assert.Equal(new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero), campaign.StartDate);
        Assert.Equal(new DateTimeOffset(2030, 6, 30, 23, 59, 59, TimeSpan.Zero), campaign.EndDate);
        Assert.Equal(new DateTimeOffset(2030, 6, 1, 10, 0, 0, TimeSpan.Zero), schedule.NextSendingDate);
        Assert.Equal(new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero), schedule.StartDate);
        Assert.Equal(TimeSpan.FromHours(2), schedule.EndDate!.Value.Offset);
    }

    [Fact]
    public async Task A_date_in_no_documented_form_still_fails_the_read()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(200, """{"id":91,"startDate":"next tuesday"}""");

        await Assert.ThrowsAsync<AccengageException>(() => Client.GetCampaignAsync(FakeAccengage.PartnerId, 91));
    }

    [Fact]
    public async Task Button_actions_in_either_spelling_or_unlisted_are_kept_readable()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(200,
            """{"id":2157,"messages":[{"title":"t","buttons":[{"action":"urlsheme"},{"action":"urlscheme"},{"action":"deeplink"},{}]}]}""");

        var message = await Client.GetMessageAsync(FakeAccengage.PartnerId, 2157);

        var buttons = message.Messages!.Single().Buttons!;
        Assert.Equal(["urlsheme", "urlscheme", "deeplink", null], buttons.Select(b => b.Action));
        Assert.Equal([ButtonAction.Urlsheme, ButtonAction.Urlscheme, null, null], buttons.Select(b => b.KnownAction));
    }

    [Fact]
    public async Task Schedule_exclusions_as_the_single_object_the_document_names_are_a_list_of_one()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(200, """{"type":"DAYS","days":"[1,3]"}""");

        var exclusions = await Client.ListScheduleExclusionsAsync(FakeAccengage.PartnerId, 5);

        var exclusion = Assert.Single(exclusions);
        Assert.Equal("DAYS", exclusion.Type);
        Assert.Equal("[1,3]", exclusion.Days);
    }

    [Fact]
    public async Task A_device_page_without_a_header_line_keeps_its_first_device()
    {
        Accengage.Api = async (_, context) =>
        {
            context.Response.ContentType = "text/csv";
            await context.Response.WriteAsync("F315;idfa-1\nA404;idfa-2\n");
        };

        var rows = await Client.EnumerateDevicesAsync(fields: ["UDID", "IDFA"]).ToListAsync();

        Assert.Equal(["F315", "A404"], rows.Select(r => r.Udid));
        Assert.Equal("idfa-1", rows[0]["IDFA"]);
    }

    [Fact]
    public async Task A_device_page_with_a_header_line_reads_its_columns_from_it()
    {
        Accengage.Api = async (_, context) => await context.Response.WriteAsync("IDFA;UDID\nidfa-1;F315\n");

        var row = Assert.Single(await Client.EnumerateDevicesAsync(fields: ["UDID", "IDFA"]).ToListAsync());

        Assert.Equal("F315", row.Udid);
        Assert.Equal(["IDFA", "UDID"], row.Columns);
    }

    [Fact]
    public async Task Errors_as_a_bare_array_keep_their_labels()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(404, """[{"label":"API_ERR_DATA","message":"Type, application and message ID mismatch"}]""");

        var error = await Assert.ThrowsAnyAsync<AccengageException>(() => Client.GetCampaignAsync(FakeAccengage.PartnerId, 91));

        Assert.True(error.HasLabel(AccengageErrorLabels.Data));
        Assert.Equal("API_ERR_DATA", error.ErrorCode);
    }

    [Fact]
    public async Task A_400_api_err_token_as_a_bare_array_refreshes_the_token()
    {
        var calls = 0;
        Accengage.Api = (_, context) => Interlocked.Increment(ref calls) == 1
            ? context.RespondJsonAsync(400, """[{"label":"API_ERR_TOKEN","message":"The given access token is invalid"}]""")
            : context.RespondJsonAsync(200, """{"id":91}""");

        var campaign = await Client.GetCampaignAsync(FakeAccengage.PartnerId, 91);

        Assert.Equal(91, campaign.Id);
        Assert.Equal(2, Accengage.TokenRequests.Count);
    }

    [Fact]
    public async Task A_delete_with_a_body_is_signed_over_its_body_by_default()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(200, "{}");

        await Client.RemoveStaticListDevicesAsync(FakeAccengage.PartnerId, 7, new StaticListUsers { Users = [new StaticListUser { DeviceId = "F315" }] });

        var delete = Assert.Single(Accengage.ApiRequests);
        Assert.Equal("DELETE", delete.Method);
        Assert.NotEmpty(delete.Body);
        Assert.Empty(Accengage.BadlySigned);
    }

    [Fact]
    public async Task With_SignDeleteBody_off_a_delete_is_signed_as_if_it_had_no_body_and_still_sends_it()
    {
        using var client = new AccengageClient(Accengage.Options(o => o.SignDeleteBody = false));
        Accengage.Api = (_, context) => context.RespondJsonAsync(200, "{}");

        // The fake checks the signature over the body it receives: this request fails that check by design.
        await Assert.ThrowsAnyAsync<AccengageException>(() => client.RemoveStaticListDevicesAsync(FakeAccengage.PartnerId, 7, new StaticListUsers { Users = [new StaticListUser { DeviceId = "F315" }] }));

        var delete = Assert.Single(Accengage.BadlySigned);
        Assert.NotEmpty(delete.Body);
        var time = delete.Header("Accengage-Time")!;
        Assert.Equal(FakeAccengage.ExpectedSignature([], FakeAccengage.ApiKey, time), delete.Header("Accengage-Signature"));
    }
}
