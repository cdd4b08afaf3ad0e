using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// Static lists: list and create (409 for a taken <c>listId</c>), and the devices of a list: read (paged; 200 with no
/// content for a list that does not exist), upsert and remove, each user named by <c>deviceId</c> or by a field of the
/// app's devices. A device whose <c>expireAt</c> has passed has left the list. (The real service queues these
/// changes; the sandbox applies them at once.)
/// </summary>
internal static class AccengageStaticListRoutes
{
    private const string Lists = "/v1/me/apps/{partnerId}/lists";

    public static void Map(AccengageRoutes api)
    {
        api.Map("GET", Lists, call => AccengagePaging.JsonPage(call, "lists", call.App.StaticLists.All));
        api.Map("POST", Lists, Create);
        api.Map("GET", Lists + "/{listId}", ListDevices);
        api.Map("PUT", Lists + "/{listId}", call => ChangeDevices(call, upsert: true));
        api.Map("DELETE", Lists + "/{listId}", call => ChangeDevices(call, upsert: false));
    }

    /// <summary>The devices of a list that have not expired, in the order they were added.</summary>
    public static IEnumerable<JsonObject> LiveDevices(AccengageAppData app, long listId, DateTimeOffset now)
        => (app.ListDevices.TryGetValue(listId, out var members) ? members.Values : Enumerable.Empty<JsonObject>()).Where(d => AccengageJson.DateTime(AccengageJson.Text(d, "expireAt")) is not { } expireAt || expireAt > now);

    private static IResult Create(AccengageCall call)
    {
        if (call.Body is not JsonObject body || AccengageJson.Text(body, "name") is not { Length: > 0 })
            return AccengageAnswers.BadData("Missing field name");
        if (body["listId"] is not null && AccengageJson.Long(body, "listId") is null)
            return AccengageAnswers.BadData("Malformed field listId: it must be an integer");
        if (body["externalId"] is not null && AccengageJson.Text(body, "externalId") is null)
            return AccengageAnswers.BadData("Malformed field externalId: it must be a string");
        if (AccengageJson.Long(body, "listId") is { } listId && call.App.StaticLists.Contains(listId))
            return AccengageAnswers.Error(StatusCodes.Status409Conflict, AccengageAnswers.Data, $"List {listId} already exists");
        var id = call.App.StaticLists.Add(body.DeepClone().AsObject());
        call.App.ListDevices[id] = AccengageAppData.NewListMembers();
        return AccengageAnswers.Created(id);
    }

    private static IResult ListDevices(AccengageCall call)
    {
        if (!TryListId(call, out var listId))
            return AccengageAnswers.InvalidId(call.Route("listId"));
        // "For performance reasons, this API call still returns 200, but with no content."
        if (!call.App.StaticLists.Contains(listId))
            return AccengageAnswers.Ok();
        return AccengagePaging.JsonPage(call, "devices", LiveDevices(call.App, listId, call.Now));
    }

    private static IResult ChangeDevices(AccengageCall call, bool upsert)
    {
        if (!TryListId(call, out var listId))
            return AccengageAnswers.InvalidId(call.Route("listId"));
        if (!call.App.StaticLists.Contains(listId))
            return AccengageAnswers.NotFound($"List {listId} not found");
        if (call.Body is not JsonObject body || body["users"] is not JsonArray users)
            return AccengageAnswers.BadData("The field users is missing from the body");

        var changes = new List<(string Udid, JsonNode? ExpireAt)>();
        foreach (var user in users)
        {
            if (user is not JsonObject fields || fields.Count == 0)
                return AccengageAnswers.BadData("Each user must be an object naming a device (deviceId) or a field of the app's devices");
            if (fields["expireAt"] is { } expireAt && !AccengageJson.IsDateTime(AccengageJson.Text(fields, "expireAt")))
                return AccengageAnswers.BadData($"expireAt must be a JavaScript-compatible date, e.g. 2030-12-31T23:59:59.000Z (got {expireAt.ToJsonString()})");
            if (AccengageJson.Text(fields, "deviceId") is { } deviceId)
            {
                changes.Add((deviceId, fields["expireAt"]));
                continue;
            }
            var (field, value) = fields.First(p => p.Key != "expireAt");
            if (!call.App.DeviceFields.Contains(field))
                return AccengageAnswers.BadData($"Field {field} cannot be found");
            foreach (var device in call.App.DevicesWhere(field, AccengageJson.Scalar(value) ?? ""))
                changes.Add((AccengageJson.Text(device, "UDID")!, fields["expireAt"]));
        }

        var members = call.App.ListDevices.TryGetValue(listId, out var existing) ? existing : call.App.ListDevices[listId] = AccengageAppData.NewListMembers();
        foreach (var (udid, expireAt) in changes)
        {
            if (!upsert)
            {
                members.Remove(udid);
                continue;
            }
            if (!members.TryGetValue(udid, out var member))
                members[udid] = member = new JsonObject { ["deviceId"] = udid };
            if (expireAt is not null)
                member["expireAt"] = expireAt.DeepClone();
        }
        if (upsert)
            call.Simulator.CountStaticListUpsert();
        return AccengageAnswers.Ok();
    }

    private static bool TryListId(AccengageCall call, out long listId)
        => long.TryParse(call.Route("listId"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out listId);
}
