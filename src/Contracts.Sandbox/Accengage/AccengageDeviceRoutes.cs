using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// Devices: the CSV list (semicolon-separated, a header line, <see cref="AccengageSimulator.DevicePageSize"/> per page,
/// paged by the <c>Link</c> header only), the search on indexed fields, the update of one device, and the update by
/// group of at most 100 users, each matched by its UDID or an indexed field.
/// </summary>
internal static class AccengageDeviceRoutes
{
    /// <summary>"As for now, you can update up to 100 users at once."</summary>
    public const int MaxUsersPerUpdate = 100;

    /// <summary>The fields a device answer names at its top level; the others go into its <c>data</c>.</summary>
    private static readonly string[] TopLevelFields = ["id", "UDID", "token", "IDFA", "firstOpen", "lastOpen"];

    public static void Map(AccengageRoutes api)
    {
        api.Map("GET", "/v1/me/apps/{partnerId}/devices", ListCsv);
        api.Map("PUT", "/v1/me/apps/{partnerId}/devices", UpdateGroup);
        api.Map("GET", "/v1/me/apps/{partnerId}/devices/search/by", Search);
        api.Map("PUT", "/v1/me/apps/{partnerId}/devices/{udid}", UpdateOne);
    }

    private static IResult ListCsv(AccengageCall call)
    {
        var app = call.App;
        var columns = call.QueryArray("fields") is { Count: > 0 } requested ? requested : app.DeviceColumns;
        if (columns.FirstOrDefault(c => !app.DeviceFields.Contains(c)) is { } unknown)
            return AccengageAnswers.BadData($"Field {unknown} does not exist");
        if (!TryFirstOpenFilter(call.Query("firstOpen"), out var firstOpen) || !TryDate(call.Query("lastOpen"), out var lastOpen))
            return AccengageAnswers.BadData("Invalid date filter: use YYYY-MM-DD or YYYY-MM-DD hh:mm:ss (firstOpen may be a range left|right)");
        if (AccengagePaging.RequestedPage(call) is not { } page)
            return AccengageAnswers.BadData($"Invalid page {call.Query("page")}");

        var matching = app.Devices.Where(d => firstOpen(Date(d, "firstOpen")) && (lastOpen is null || Date(d, "lastOpen") >= lastOpen)).ToList();
        var (devices, links) = AccengagePaging.Slice(call, matching, page, call.Simulator.DevicePageSize);
        AccengagePaging.SetLinkHeader(call, links);
        if (devices.Count == 0)
            return Results.Text("", "text/csv", Encoding.UTF8);

        var csv = new StringBuilder().AppendJoin(';', columns.Select(Quote)).Append('\n');
        foreach (var device in devices)
            csv.AppendJoin(';', columns.Select(c => Quote(AccengageJson.Scalar(device[c]) ?? ""))).Append('\n');
        return Results.Text(csv.ToString(), "text/csv", Encoding.UTF8);
    }

    private static IResult Search(AccengageCall call)
    {
        var filters = call.Request.Query.Select(q => (Field: q.Key, Value: q.Value.ToString())).ToList();
        if (filters.Count == 0)
            return AccengageAnswers.BadData("No filter given");
        if (filters.FirstOrDefault(f => !call.App.IndexedDeviceFields.Contains(f.Field)) is { Field: { } notIndexed })
            return AccengageAnswers.BadData($"Field {notIndexed} is not indexed");
        var device = call.App.Devices.FirstOrDefault(d => filters.All(f => AccengageJson.Scalar(d[f.Field]) == f.Value));
        if (device is null)
            return AccengageAnswers.NotFound("No result found");

        var answer = new JsonObject();
        var data = new JsonObject();
        foreach (var (name, value) in device)
            (TopLevelFields.Contains(name) ? answer : data)[name] = value?.DeepClone();
        answer["data"] = data;
        return AccengageAnswers.Json(answer);
    }

    private static IResult UpdateOne(AccengageCall call)
    {
        var udid = call.Route("udid");
        if (call.Body is not JsonObject body || body.Count == 0)
            return AccengageAnswers.NoContent();
        if (body.Select(p => p.Key).FirstOrDefault(k => k is "id" or "UDID") is { } locked)
            return AccengageAnswers.BadData($"Field {locked} cannot be updated");
        if (!call.App.DevicesByUdid.TryGetValue(udid, out var device))
            return AccengageAnswers.NotFound($"Device {udid} not found");
        if (body.Select(p => p.Key).FirstOrDefault(k => !call.App.DeviceFields.Contains(k)) is { } unknown)
            return AccengageAnswers.Error(StatusCodes.Status500InternalServerError, AccengageAnswers.Database, $"Unknown column '{unknown}' in 'field list'");
        AccengageJson.Merge(device, body);
        return AccengageAnswers.Ok();
    }

    /// <summary>Every user is checked before any is changed: a refused request changes nothing.</summary>
    private static IResult UpdateGroup(AccengageCall call)
    {
        if (call.Body is not JsonObject body || body["users"] is not JsonArray users)
            return AccengageAnswers.BadData("Users must be an array.");
        if (users.Count > MaxUsersPerUpdate)
            return AccengageAnswers.BadData($"Can not update more than {MaxUsersPerUpdate} users (got {users.Count}).");

        var updates = new List<(string Key, string Value, JsonObject Changes)>();
        for (var i = 0; i < users.Count; i++)
        {
            if (users[i] is not JsonObject user)
                return AccengageAnswers.BadData($"Users are not well formatted: user {i} must be an object.");
            var key = user.ContainsKey("UDID") ? "UDID" : user.Select(p => p.Key).FirstOrDefault(call.App.IndexedDeviceFields.Contains);
            if (key is null || AccengageJson.Scalar(user[key]) is not { } value)
                return AccengageAnswers.BadData($"Invalid matching key(s) given (user {i}): name it by its UDID or an indexed field.");
            var changes = user.Where(p => p.Key != key).ToList();
            if (changes.FirstOrDefault(p => p.Key is "id" or "UDID").Key is { } locked)
                return AccengageAnswers.Error(StatusCodes.Status403Forbidden, AccengageAnswers.Forbidden, $"Can not update field {locked}");
            if (changes.FirstOrDefault(p => !call.App.DeviceFields.Contains(p.Key)).Key is { } unknown)
                return AccengageAnswers.BadData($"The field(s) {unknown} do(es) not exist for this application (user {i}).");
            updates.Add((key, value, new JsonObject(changes.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())))));
        }

        foreach (var (key, value, changes) in updates)
        {
            foreach (var device in call.App.DevicesWhere(key, value).ToList())
                AccengageJson.Merge(device, changes);
        }
        call.Simulator.CountDeviceUpdate();
        return AccengageAnswers.Ok();
    }

    /// <summary>
    /// <c>firstOpen</c>: a range <c>left|right</c> keeps left &lt;= firstOpen &lt; right; a single date keeps
    /// date &lt;= firstOpen; absent keeps every device.
    /// </summary>
    private static bool TryFirstOpenFilter(string? text, out Func<DateTime?, bool> filter)
    {
        filter = _ => true;
        if (string.IsNullOrEmpty(text))
            return true;
        var parts = text.Split('|');
        if (parts.Length > 2 || !TryDate(parts[0], out var from) || from is null)
            return false;
        DateTime? to = null;
        if (parts.Length == 2 && (!TryDate(parts[1], out to) || to is null))
            return false;
        filter = date => date >= from && (to is null || date < to);
        return true;
    }

    private static bool TryDate(string? text, out DateTime? date)
    {
        date = AccengageJson.QueryDate(text);
        return string.IsNullOrEmpty(text) || date is not null;
    }

    private static DateTime? Date(JsonObject device, string field) => AccengageJson.QueryDate(AccengageJson.Text(device, field));

    /// <summary>RFC 4180 quoting, with the semicolon as separator.</summary>
    private static string Quote(string value)
        => value.AsSpan().IndexOfAny(";\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
