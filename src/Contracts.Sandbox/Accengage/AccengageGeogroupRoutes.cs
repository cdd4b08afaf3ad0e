using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// Members of a geogroup: beacons and geofences added or removed by ID (body <c>{"id":...}</c>), the geogroup named by
/// its ID or by <c>ext:</c> and its external ID. Members show in the geogroup as <c>beacons</c> and <c>geofences</c>.
/// </summary>
internal static class AccengageGeogroupRoutes
{
    private const string Members = "/v1/me/apps/{partnerId}/geogroups/{geogroupId}/";

    public static void Map(AccengageRoutes api)
    {
        foreach (var kind in new[] { "beacons", "geofences" })
        {
            api.Map("POST", Members + kind, call => Change(call, kind, add: true));
            api.Map("DELETE", Members + kind, call => Change(call, kind, add: false));
        }
    }

    private static IResult Change(AccengageCall call, string kind, bool add)
    {
        var reference = call.Route("geogroupId");
        var geogroup = reference.StartsWith("ext:", StringComparison.Ordinal)
            ? call.App.Geogroups.FindByExternalId(reference["ext:".Length..])
            : long.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? call.App.Geogroups.Find(id) : null;
        if (geogroup is null)
            return AccengageAnswers.NotFound($"Can not find geogroup with id {reference}");
        if (AccengageJson.Long(call.Body, "id") is not { } memberId)
            return AccengageAnswers.BadData("Missing id field");
        var members = kind == "beacons" ? call.App.Beacons : call.App.Geofences;
        if (!members.Contains(memberId))
            return AccengageAnswers.NotFound($"Can not find {kind.TrimEnd('s')} with id {memberId}");

        if (geogroup[kind] is not JsonArray ids)
            geogroup[kind] = ids = [];
        var existing = ids.FirstOrDefault(n => AccengageJson.AsLong(n) == memberId);
        if (add && existing is null)
            ids.Add(memberId);
        else if (!add && existing is not null)
            ids.Remove(existing);
        return AccengageAnswers.Ok();
    }
}
