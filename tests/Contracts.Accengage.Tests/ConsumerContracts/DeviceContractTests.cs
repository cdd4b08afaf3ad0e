using Contracts.Pacts;
using Contracts.Pacts.Matchers;
using Xunit.Abstractions;
using static Contracts.Accengage.Tests.ConsumerContracts.AccengageContract;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>
/// Consumer contracts of devices: the CSV list streamed page by page through the Link header, the search, the update
/// of one device and the update by group (split into requests of at most 100 users).
/// </summary>
public sealed class DeviceContractTests(ITestOutputHelper output)
{
    private const string TwoPagesOfDevices = "the app has two pages of devices first opened in the first half of 2014";
    private const string DeviceExists = "device F31548D3-F93E-498F-8E01-F18CC4EB2F5F exists";
    private const string Udid = "F31548D3-F93E-498F-8E01-F18CC4EB2F5F";

    private static readonly PagedRoute Devices = new(AppPath + "/devices", "/v1/me/apps/[^/]+/devices", "fields%5B%5D=UDID&fields%5B%5D=IDFA&firstOpen=2014-01-01%7C2014-07-01&");

    [Fact]
    public async Task The_csv_device_list_is_streamed_row_by_row_over_every_page()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        DevicesPage(builder, 1, "F31548D3-F93E-498F-8E01-F18CC4EB2F5F;6D92078A-8246-4BA4-AE5B-76104861E7DC\n1A2B3C4D-5E6F-7A8B-9C0D-1E2F3A4B5C6D;AB5F2C3D-1E2F-4A5B-8C9D-0E1F2A3B4C5D\n");
        DevicesPage(builder, 2, "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0;\n");

        await VerifyAsync(builder, async client =>
        {
            var devices = await client.EnumerateDevicesAsync(fields: ["UDID", "IDFA"], firstOpen: "2014-01-01|2014-07-01").ToListAsync();

            Assert.Equal(["F31548D3-F93E-498F-8E01-F18CC4EB2F5F", "1A2B3C4D-5E6F-7A8B-9C0D-1E2F3A4B5C6D", "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0"], devices.Select(d => d.Udid));
            Assert.Equal("6D92078A-8246-4BA4-AE5B-76104861E7DC", devices[0]["IDFA"]);
            Assert.Equal("", devices[2]["IDFA"]);
        });
    }

    [Fact]
    public async Task A_device_is_searched_by_an_indexed_field()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request to search a device by UDID", DeviceExists, HttpMethod.Get, AppRoute("/devices/search/by"))
            .AcceptingJson()
            .WithQuery("UDID", Match.Type(Udid))
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(new { UDID = Match.Type(Udid), token = Match.Type("AB5F"), data = new { clientId = Match.Type("123456") } });

        await VerifyAsync(builder, async client =>
        {
            var device = await client.SearchDeviceAsync(PartnerId, new Dictionary<string, string> { ["UDID"] = Udid });

            Assert.Equal(Udid, device.UDID);
            Assert.Equal("AB5F", device.Token);
            Assert.Equal("123456", device.Data!["clientId"].ToString());
        });
    }

    [Fact]
    public async Task A_device_is_updated_by_its_udid()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request to update the token of a device", DeviceExists, HttpMethod.Put, AppRoute("/devices/" + Udid, "/devices/[^/]+"))
            .WithJsonBody(new { token = Match.Type("AB5F200") })
            .WillRespond()
            .WithStatus(200);

        await VerifyAsync(builder, async client => await client.UpdateDeviceAsync(PartnerId, Udid, new Dictionary<string, object> { ["token"] = "AB5F200" }));
    }

    [Fact]
    public async Task Devices_of_150_users_are_updated_as_groups_of_at_most_100()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request to update a group of devices by UDID", "the devices exist", HttpMethod.Put, AppRoute("/devices"))
            .WithJsonBody(new { users = Match.MinMaxType(new { UDID = Match.Type(Udid), model = Match.Type("iPhone 6") }, 1, AccengageLimits.MaxUsersPerDeviceUpdate) })
            .WillRespond()
            .WithStatus(200);

        await VerifyAsync(builder, async (client, wire) =>
        {
            var users = Enumerable.Range(1, 150).Select(i => (IDictionary<string, object>)new Dictionary<string, object> { ["UDID"] = $"{i:D8}-0000-4000-8000-000000000000", ["model"] = "iPhone 6" });

            var report = await client.UpdateAllDevicesAsync(users);

            Assert.True(report.AllAccepted, report.ToString());
            Assert.Equal(150, report.AcceptedCount);
            Assert.Equal(2, wire.Sent.Count(s => s.StartsWith("PUT ", StringComparison.Ordinal)));
        });
    }

    /// <summary>A page of the CSV list of UDID and IDFA for devices first opened in a range: the next page is in the Link header only.</summary>
    private static void DevicesPage(PactBuilder builder, int page, string rows)
    {
        var isLast = page == 2;
        var request = builder.AuthorizedRequest(
                isLast ? "a request for the last page of the CSV device list" : "a request for the first page of the CSV device list",
                TwoPagesOfDevices,
                HttpMethod.Get,
                Devices.Path)
            .WithHeader("Accept", "text/csv")
            .WithQuery("fields[]", "UDID")
            .WithQuery("fields[]", "IDFA")
            .WithQuery("firstOpen", Match.Regex("2014-01-01|2014-07-01", @"^[0-9]{4}-[0-9]{2}-[0-9]{2}\|[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
        if (page > 1)
            request.WithQuery("page", "2");
        request.WillRespond()
            .WithStatus(200)
            .WithHeader("Link", Devices.LinkHeader(page, isLast))
            .WithBody("UDID;IDFA\n" + rows, "text/csv");
    }
}
