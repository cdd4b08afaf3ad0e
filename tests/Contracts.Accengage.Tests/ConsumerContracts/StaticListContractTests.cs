using Contracts.Pacts.Matchers;
using Xunit.Abstractions;
using static Contracts.Accengage.Tests.ConsumerContracts.AccengageContract;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>Consumer contracts of static lists and their devices.</summary>
public sealed class StaticListContractTests(ITestOutputHelper output)
{
    private const string ListExists = "static list 1235 exists";
    private const string DeviceId = "1A2B3C4D-5E6F-7A8B-9C0D-1E2F3A4B5C6D";

    private static readonly PagedRoute Lists = new(AppPath + "/lists", "/v1/me/apps/[^/]+/lists");
    private static readonly PagedRoute ListDevices = new(AppPath + "/lists/1235", "/v1/me/apps/[^/]+/lists/[0-9]+");

    [Fact]
    public async Task The_static_lists_of_the_app_are_listed()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        Lists.RespondWithPage(
            Lists.Request(builder, "a request for the static lists", "the app has static lists"),
            1,
            isLast: true,
            "lists",
            Match.MinType(new { listId = Match.Integer(1235), name = Match.Type("My list"), externalId = Match.Type("myExternalId") }, 1));

        await VerifyAsync(builder, async client =>
        {
            var list = Assert.Single(await client.EnumerateStaticListsAsync().ToListAsync());

            Assert.Equal(1235L, list.ListId);
            Assert.Equal("myExternalId", list.ExternalId);
        });
    }

    [Fact]
    public async Task A_static_list_is_created_with_its_own_id_and_an_external_id()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request to create a static list", "the app has no static list 1235", HttpMethod.Post, Lists.Path)
            .AcceptingJson()
            .WithJsonBody(new { listId = Match.Integer(1235), name = Match.Type("My list"), externalId = Match.Type("myExternalId") })
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(Created(1235));

        await VerifyAsync(builder, async client =>
        {
            var created = await client.CreateStaticListAsync(PartnerId, new StaticList { ListId = 1235, Name = "My list", ExternalId = "myExternalId" });

            Assert.Equal(1235L, created.Id);
        });
    }

    [Fact]
    public async Task Devices_are_added_to_listed_in_and_removed_from_a_static_list()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request to add devices to a static list", ListExists, HttpMethod.Put, ListDevices.Path)
            .WithJsonBody(new
            {
                users = new object[]
                {
                    new { deviceId = Match.Type(DeviceId), expireAt = Match.Regex("2030-12-31T23:59:59.000Z", DateTimeWithOffset) },
                    new { myCustomField = Match.Type("value") },
                },
            })
            .WillRespond()
            .WithStatus(200);
        ListDevices.RespondWithPage(
            ListDevices.Request(builder, "a request for the devices of a static list", "static list 1235 holds a device"),
            1,
            isLast: true,
            "devices",
            Match.MinType(new { deviceId = Match.Type(DeviceId), expireAt = Match.Regex("2030-12-31T23:59:59.000Z", DateTimeWithOffset) }, 1));
        builder.AuthorizedRequest("a request to remove a device from a static list", ListExists, HttpMethod.Delete, ListDevices.Path)
            .WithJsonBody(new { users = new[] { new { deviceId = Match.Type(DeviceId) } } })
            .WillRespond()
            .WithStatus(200);

        await VerifyAsync(builder, async client =>
        {
            await client.UpsertStaticListDevicesAsync(PartnerId, 1235, new StaticListUsers
            {
                Users =
                [
                    new StaticListUser { DeviceId = DeviceId, ExpireAt = "2030-12-31T23:59:59.000Z" },
                    new StaticListUser { AdditionalProperties = { ["myCustomField"] = "value" } },
                ],
            });
            var devices = await client.EnumerateStaticListDevicesAsync(1235).ToListAsync();
            await client.RemoveStaticListDevicesAsync(PartnerId, 1235, new StaticListUsers { Users = [new StaticListUser { DeviceId = DeviceId }] });

            var device = Assert.Single(devices);
            Assert.Equal(DeviceId, device.DeviceId);
            Assert.Equal("2030-12-31T23:59:59.000Z", device.ExpireAt);
        });
    }

    [Fact]
    public async Task The_devices_of_a_list_that_does_not_exist_are_an_empty_answer_read_as_no_device()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request for the devices of a static list that does not exist", "static list 9000 does not exist", HttpMethod.Get, AppRoute("/lists/9000", "/lists/[0-9]+"))
            .AcceptingJson()
            .WillRespond()
            .WithStatus(200);

        await VerifyAsync(builder, async client => Assert.Empty(await client.EnumerateStaticListDevicesAsync(9000).ToListAsync()));
    }
}
