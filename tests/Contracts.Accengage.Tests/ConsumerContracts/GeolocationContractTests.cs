using Contracts.Pacts;
using Contracts.Pacts.Matchers;
using Xunit.Abstractions;
using static Contracts.Accengage.Tests.ConsumerContracts.AccengageContract;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>
/// Consumer contracts of geolocation: geofences and beacons (list, create, read, update), geogroups and their members.
/// </summary>
/// <remarks>
/// The fields of a geofence's or a beacon's <c>info</c> object are not in the document: the client sends what it is
/// given and relies on none, so the answers state only that <c>info</c> is an object.
/// </remarks>
public sealed class GeolocationContractTests(ITestOutputHelper output)
{
    private static readonly PagedRoute Geogroups = new(AppPath + "/geogroups", "/v1/me/apps/[^/]+/geogroups");

    [Theory]
    [InlineData("geofence", "geofences")]
    [InlineData("beacon", "beacons")]
    public async Task A_geolocation_is_listed_created_read_and_updated(string kind, string route)
    {
        var exists = $"{kind} 404 exists";
        var list = new PagedRoute($"{AppPath}/{route}", $"/v1/me/apps/[^/]+/{route}");
        var one = AppRoute($"/{route}/404", $"/{route}/[0-9]+");
        var builder = NewBuilder(output);
        TokenGranted(builder);
        list.RespondWithPage(list.Request(builder, $"a request for the {route}", exists), 1, isLast: true, route, Match.MinType(GeolocationAnswer, 1));
        builder.AuthorizedRequest($"a request to create a {kind}", "the app exists", HttpMethod.Post, list.Path)
            .AcceptingJson()
            .WithJsonBody(new { info = new { name = Match.Type("Paris store") } })
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(Created(404));
        builder.AuthorizedRequest($"a request for a {kind}", exists, HttpMethod.Get, one)
            .AcceptingJson()
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(GeolocationAnswer);
        builder.AuthorizedRequest($"a request to update a {kind}", exists, HttpMethod.Put, one)
            .WithJsonBody(new { info = new { name = Match.Type("Paris store (Opera)") } })
            .WillRespond()
            .WithStatus(200);

        await VerifyAsync(builder, async client =>
        {
            var ids = kind == "geofence"
                ? await GeofencesAsync(client)
                : await BeaconsAsync(client);

            Assert.Equal([404L, 404L, 404L], ids);
        });
    }

    [Fact]
    public async Task Geogroups_are_listed_and_created_with_an_external_id()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        Geogroups.RespondWithPage(
            Geogroups.Request(builder, "a request for the geogroups", "geogroup 422 exists"),
            1,
            isLast: true,
            "geogroups",
            Match.MinType(new { id = Match.Integer(422), name = Match.Type("Paris stores"), externalId = Match.Type("myGeogroupExternalId") }, 1));
        builder.AuthorizedRequest("a request to create a geogroup with an external ID", "the app exists", HttpMethod.Post, Geogroups.Path)
            .AcceptingJson()
            .WithJsonBody(new { name = Match.Type("Paris stores"), externalId = Match.Type("myGeogroupExternalId") })
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(Created(422));

        await VerifyAsync(builder, async client =>
        {
            var geogroup = Assert.Single(await client.EnumerateGeogroupsAsync().ToListAsync());
            var created = await client.CreateGeogroupAsync(PartnerId, new Geogroup { Name = "Paris stores", ExternalId = "myGeogroupExternalId" });

            Assert.Equal("myGeogroupExternalId", geogroup.ExternalId);
            Assert.Equal(422L, created.Id);
        });
    }

    [Fact]
    public async Task Beacons_and_geofences_join_and_leave_a_geogroup_named_by_id_or_by_external_id()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        Member(builder, HttpMethod.Post, "beacons", "a request to add a beacon to a geogroup named by its external ID", "ext:myGeogroupExternalId", 404);
        Member(builder, HttpMethod.Delete, "beacons", "a request to remove a beacon from a geogroup named by its external ID", "ext:myGeogroupExternalId", 404);
        Member(builder, HttpMethod.Post, "geofences", "a request to add a geofence to a geogroup", "422", 479);
        Member(builder, HttpMethod.Delete, "geofences", "a request to remove a geofence from a geogroup", "422", 479);

        await VerifyAsync(builder, async (client, wire) =>
        {
            await client.AddBeaconToGeogroupAsync(PartnerId, "ext:myGeogroupExternalId", new ObjectTechnicalType { Id = 404 });
            await client.RemoveBeaconFromGeogroupAsync(PartnerId, "ext:myGeogroupExternalId", new ObjectTechnicalType { Id = 404 });
            await client.AddGeofenceToGeogroupAsync(PartnerId, "422", new ObjectTechnicalType { Id = 479 });
            await client.RemoveGeofenceFromGeogroupAsync(PartnerId, "422", new ObjectTechnicalType { Id = 479 });

            Assert.Equal(5, wire.Sent.Count);
        });
    }

    /// <summary>A geofence or a beacon as Accengage answers it: its id and its info object.</summary>
    private static object GeolocationAnswer => new { id = Match.Integer(404), info = new { } };

    private static async Task<long[]> GeofencesAsync(AccengageClient client)
    {
        var listed = Assert.Single(await client.EnumerateGeofencesAsync().ToListAsync());
        var created = await client.CreateGeofenceAsync(PartnerId, new Geofence { Info = Info("Paris store") });
        var read = await client.GetGeofenceAsync(PartnerId, 404);
        await client.UpdateGeofenceAsync(PartnerId, 404, new Geofence { Info = Info("Paris store (Opera)") });
        return [listed.Id!.Value, created.Id!.Value, read.Id!.Value];
    }

    private static async Task<long[]> BeaconsAsync(AccengageClient client)
    {
        var listed = Assert.Single(await client.EnumerateBeaconsAsync().ToListAsync());
        var created = await client.CreateBeaconAsync(PartnerId, new Beacon { Info = Info("Paris store") });
        var read = await client.GetBeaconAsync(PartnerId, 404);
        await client.UpdateBeaconAsync(PartnerId, 404, new Beacon { Info = Info("Paris store (Opera)") });
        return [listed.Id!.Value, created.Id!.Value, read.Id!.Value];
    }

    private static GeoInfo Info(string name) => new() { AdditionalProperties = { ["name"] = name } };

    /// <summary>A beacon or geofence joining (POST) or leaving (DELETE) a geogroup: its technical ID in the body.</summary>
    private static void Member(PactBuilder builder, HttpMethod method, string kind, string description, string geogroupId, long memberId)
        => builder.AuthorizedRequest(description, $"geogroup {geogroupId} and {kind[..^1]} {memberId} exist", method, AppRoute($"/geogroups/{geogroupId}/{kind}", $"/geogroups/([0-9]+|ext:[^/]+)/{kind}"))
            .WithJsonBody(new { id = Match.Integer(memberId) })
            .WillRespond()
            .WithStatus(200);
}
