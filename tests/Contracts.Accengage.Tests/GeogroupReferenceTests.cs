using Contracts.Testing;

namespace Contracts.Accengage.Tests;

/// <summary>A geogroup is named on the wire as the document writes it: its ID, or <c>ext:</c> and its escaped external ID.</summary>
public sealed class GeogroupReferenceTests : AccengageTestBase
{
    [Theory]
    [InlineData("ext:myGeogroupExternalId", "/v1/me/apps/myPartnerId/geogroups/ext:myGeogroupExternalId/beacons")]
    [InlineData("ext:Paris stores/2030:Q2", "/v1/me/apps/myPartnerId/geogroups/ext:Paris%20stores%2F2030%3AQ2/beacons")]
    [InlineData("422", "/v1/me/apps/myPartnerId/geogroups/422/beacons")]
    public async Task The_ext_prefix_keeps_its_colon_and_the_rest_stays_escaped(string geogroupId, string path)
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(200, "{}");

        await Client.AddBeaconToGeogroupAsync(FakeAccengage.PartnerId, geogroupId, new ObjectTechnicalType { Id = 404 });
        await Client.RemoveGeofenceFromGeogroupAsync(FakeAccengage.PartnerId, geogroupId, new ObjectTechnicalType { Id = 479 });

        Assert.Equal([path, path.Replace("/beacons", "/geofences", StringComparison.Ordinal)], Accengage.ApiRequests.Select(r => r.Path));
        Assert.Empty(Accengage.BadlySigned);
    }
}
