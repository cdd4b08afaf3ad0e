using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// The resource families that follow one pattern (list, create, get, update, delete, by external ID, status), mapped
/// from one table rather than route by route: campaigns, messages, in-apps, alarms, inboxes, geofences, beacons and
/// geogroups. Each family only adds what its own documentation says (its not-found message, its validation).
/// </summary>
internal static class AccengageResourceRoutes
{
    private const string App = "/v1/me/apps/{partnerId}/";
    private const string InAppMismatch = "Type, application and message ID mismatch";

    private static readonly string[] ButtonActions = ["browser", "email", "phone", "store", "sms", "urlscheme", "urlsheme", "webview", "request", "close"];

    private static readonly ResourceFamily[] Families =
    [
        new("campaigns", "campaigns", a => a.Campaigns, id => $"Campaign {id} not found", Operations.Crud, ValidateCampaign),
        new("messages", "messages", a => a.Messages, id => $"Message {id} not found", Operations.Crud, ValidateMessage, MessageMatchesFilters),
        new("inapps", "inapps", a => a.InApps, _ => InAppMismatch, Operations.List | Operations.Create | Operations.Get | Operations.Update | Operations.ByExternalId | Operations.Status, ValidateInApp),
        new("alarms", "alarms", a => a.Alarms, _ => InAppMismatch, Operations.List | Operations.Create | Operations.Get | Operations.Update | Operations.ByExternalId | Operations.Status, ValidateAlarm),
        new("inboxes", null, a => a.Inboxes, id => $"Inbox message {id} not found", Operations.Create | Operations.Update | Operations.ByExternalId | Operations.UserStatus, null),
        new("geofences", "geofences", a => a.Geofences, _ => "Resource not found", Operations.List | Operations.Create | Operations.Get | Operations.Update, RequireInfo),
        new("beacons", "beacons", a => a.Beacons, _ => "Resource not found", Operations.List | Operations.Create | Operations.Get | Operations.Update, RequireInfo),
        new("geogroups", "geogroups", a => a.Geogroups, _ => "Resource not found", Operations.List | Operations.Create, null),
    ];

    public static void Map(AccengageRoutes api)
    {
        foreach (var family in Families)
        {
            var collection = App + family.Path;
            var byId = collection + "/{id}";
            var byExternalId = collection + "/external/{externalId}";
            if (family.Has(Operations.List))
                api.Map("GET", collection, call => List(call, family));
            if (family.Has(Operations.Create))
                api.Map("POST", collection, call => Create(call, family));
            if (family.Has(Operations.Get))
                api.Map("GET", byId, call => WithId(call, family, item => AccengageAnswers.Json(AccengageAnswers.Copy(item))));
            if (family.Has(Operations.Update))
                api.Map("PUT", byId, call => WithId(call, family, item => Update(call, family, item)));
            if (family.Has(Operations.Delete))
                api.Map("DELETE", byId, call => WithId(call, family, item => Delete(call, family, item)));
            if (family.Has(Operations.Status))
                api.Map("PUT", byId + "/status", call => WithId(call, family, item => SetActivation(call, item)));
            if (family.Has(Operations.UserStatus))
                api.Map("PUT", byId + "/status", call => WithId(call, family, item => SetUserStatus(call, item)));
            if (!family.Has(Operations.ByExternalId))
                continue;
            if (family.Has(Operations.Get))
                api.Map("GET", byExternalId, call => WithExternalId(call, family, item => AccengageAnswers.Json(AccengageAnswers.Copy(item))));
            api.Map("PUT", byExternalId, call => WithExternalId(call, family, item => Update(call, family, item)));
            if (family.Has(Operations.Status))
                api.Map("PUT", byExternalId + "/status", call => WithExternalId(call, family, item => SetActivation(call, item)));
            if (family.Has(Operations.UserStatus))
                api.Map("PUT", byExternalId + "/status", call => WithExternalId(call, family, item => SetUserStatus(call, item)));
        }
    }

    private static IResult List(AccengageCall call, ResourceFamily family)
    {
        var items = family.Store(call.App).All;
        if (family.ListFilter is { } filter)
            items = items.Where(item => filter(call, item));
        return AccengagePaging.JsonPage(call, family.ListProperty!, items);
    }

    private static IResult Create(AccengageCall call, ResourceFamily family)
    {
        if (call.Body is not JsonObject body)
            return AccengageAnswers.BadData("The body must be a JSON object");
        if (family.Validate?.Invoke(call, body, null) is { } refused)
            return refused;
        var item = body.DeepClone().AsObject();
        item.Remove("id"); // read-only: the server gives the ID
        return AccengageAnswers.Created(family.Store(call.App).Add(item));
    }

    private static IResult Update(AccengageCall call, ResourceFamily family, JsonObject item)
    {
        if (call.Body is not JsonObject body)
            return AccengageAnswers.BadData("The body must be a JSON object");
        if (family.Validate?.Invoke(call, body, item) is { } refused)
            return refused;
        var changes = body.DeepClone().AsObject();
        changes.Remove("id");
        AccengageJson.Merge(item, changes);
        return AccengageAnswers.Ok();
    }

    private static IResult Delete(AccengageCall call, ResourceFamily family, JsonObject item)
    {
        var id = AccengageJson.Long(item, "id")!.Value;
        family.Store(call.App).Remove(id);
        call.App.Schedules.Remove(id);
        call.App.ScheduleExclusions.Remove(id);
        return AccengageAnswers.Ok();
    }

    /// <summary>Status of an in-app or an alarm: 200 when it changes, 204 when it already was the one asked for.</summary>
    private static IResult SetActivation(AccengageCall call, JsonObject item)
    {
        if (call.Body is not JsonObject body || body["isActive"] is not JsonValue value || !value.TryGetValue<bool>(out var active))
            return AccengageAnswers.BadData("isActive must be true or false");
        var current = item["isActive"] is JsonValue known && known.TryGetValue<bool>(out var was) && was;
        if (current == active)
            return AccengageAnswers.NoContent();
        item["isActive"] = active;
        return AccengageAnswers.Ok();
    }

    /// <summary>Read and archived dates of an inbox message for one user (<c>?UDID=</c>), who must be a user of the app.</summary>
    private static IResult SetUserStatus(AccengageCall call, JsonObject item)
    {
        if (call.Query("UDID") is not { Length: > 0 } udid)
            return AccengageAnswers.BadData("No UDID given in query");
        if (!call.App.DevicesByUdid.ContainsKey(udid))
            return AccengageAnswers.NotFound("This message is not available for this user");
        if (call.Body is not JsonObject body)
            return AccengageAnswers.BadData("The body must be a JSON object");
        foreach (var field in new[] { "readDate", "archivedDate" })
        {
            if (body[field] is not null && !AccengageJson.IsDateTime(AccengageJson.Text(body, field)))
                return AccengageAnswers.BadData($"{field} must be an ISO 8601 date-time");
        }
        var key = (AccengageJson.Long(item, "id")!.Value, udid);
        if (!call.App.InboxStatuses.TryGetValue(key, out var status))
            call.App.InboxStatuses[key] = status = [];
        AccengageJson.Merge(status, body);
        return AccengageAnswers.Ok();
    }

    private static IResult WithId(AccengageCall call, ResourceFamily family, Func<JsonObject, IResult> then)
    {
        if (call.RouteId("id") is not { } id)
            return AccengageAnswers.InvalidId(call.Route("id"));
        return family.Store(call.App).Find(id) is { } item ? then(item) : AccengageAnswers.NotFound(family.NotFound(call.Route("id")));
    }

    private static IResult WithExternalId(AccengageCall call, ResourceFamily family, Func<JsonObject, IResult> then)
    {
        var externalId = call.Route("externalId");
        return family.Store(call.App).FindByExternalId(externalId) is { } item ? then(item) : AccengageAnswers.NotFound(family.NotFound(externalId));
    }

    private static IResult? ValidateCampaign(AccengageCall call, JsonObject body, JsonObject? existing)
    {
        foreach (var field in new[] { "startDate", "endDate" })
        {
            if (body[field] is not null && !AccengageJson.IsDateTime(AccengageJson.Text(body, field)))
                return AccengageAnswers.BadData($"Invalid {field}: dates are ISO 8601 (RFC 3339), e.g. 2030-06-01T00:00:00+02:00");
        }
        return null;
    }

    private static IResult? ValidateMessage(AccengageCall call, JsonObject body, JsonObject? existing)
    {
        if (body["campaignId"] is not null && (AccengageJson.Long(body, "campaignId") is not { } campaignId || !call.App.Campaigns.Contains(campaignId)))
            return AccengageAnswers.BadData($"Unknown campaign {AccengageJson.Scalar(body["campaignId"])}");
        if (AccengageJson.Text(body, "collapseKey") is { } collapseKey && !call.App.CollapseKeys.Contains(collapseKey))
            return AccengageAnswers.NotFound($"Unknown collapse key {collapseKey}");
        if (body["messages"] is { } messages && messages is not JsonArray)
            return AccengageAnswers.BadData("Validation failed for the given message: messages must be an array");
        foreach (var button in Elements(body["messages"]).SelectMany(m => Elements(m?["buttons"])))
        {
            var action = AccengageJson.Text(button, "action") ?? "close";
            if (!ButtonActions.Contains(action))
                return AccengageAnswers.BadData($"Validation failed for the given message: button action '{action}' must be one of {string.Join(", ", ButtonActions.Where(a => a != "urlsheme"))}");
        }
        return null;
    }

    /// <summary>One template for every language, every template and action set up in the app, and a template type that never changes.</summary>
    private static IResult? ValidateInApp(AccengageCall call, JsonObject body, JsonObject? existing)
    {
        var templates = Elements(body["messages"]).Select(m => AccengageJson.Text(m?["template"], "templateValue")).Distinct().ToList();
        if (templates.Count > 1)
            return AccengageAnswers.BadData("The template must be the same for each message");
        var actions = Elements(body["messages"]).SelectMany(m => Elements(m?["buttons"]).Select(b => b?["action"]).Append(m?["action"]))
            .Select(a => AccengageJson.Text(a, "templateValue"));
        foreach (var value in templates.Concat(actions).OfType<string>())
        {
            if (!call.App.InAppTemplates.Contains(value))
                return AccengageAnswers.NotFound($"Can not find template with value {value}");
        }
        var before = Elements(existing?["messages"]).Select(m => AccengageJson.Text(m?["template"], "templateValue")).FirstOrDefault();
        if (existing is not null && templates.Count == 1 && templates[0] is { } after && before is not null && after != before)
            return AccengageAnswers.BadData("The template type of an InApp message can not be changed");
        return null;
    }

    /// <summary>Every state an alarm's triggers name must exist in the app.</summary>
    private static IResult? ValidateAlarm(AccengageCall call, JsonObject body, JsonObject? existing)
    {
        if (body["messages"] is { } messages && messages is not JsonArray)
            return AccengageAnswers.BadData("Validation failed for the given message: messages must be an array");
        foreach (var condition in Elements(body["triggers"]?["states"]?["inclusion"]))
        {
            if (AccengageJson.Text(condition, "name") is { } state && !call.App.States.Contains(state))
                return AccengageAnswers.NotFound($"Can not find state with id {state}");
        }
        return null;
    }

    private static IResult? RequireInfo(AccengageCall call, JsonObject body, JsonObject? existing)
        => body["info"] is JsonObject ? null : AccengageAnswers.BadData("Missing info object");

    /// <summary>The <c>externalId</c> and <c>title</c> filters, where <c>%</c> matches any characters.</summary>
    private static bool MessageMatchesFilters(AccengageCall call, JsonObject message)
        => Like(AccengageJson.Text(message, "externalId"), call.Query("externalId"))
           && (call.Query("title") is not { } title || Elements(message["messages"]).Any(m => Like(AccengageJson.Text(m, "title"), title)));

    private static bool Like(string? value, string? pattern)
        => pattern is null || (value is not null && Regex.IsMatch(value, "^" + string.Join(".*", pattern.Split('%').Select(Regex.Escape)) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    internal static IEnumerable<JsonNode?> Elements(JsonNode? node) => node is JsonArray array ? array : [];

    /// <summary>The routes a family has.</summary>
    [Flags]
    private enum Operations
    {
        List = 1,
        Create = 2,
        Get = 4,
        Update = 8,
        Delete = 16,
        ByExternalId = 32,
        Status = 64,
        UserStatus = 128,
        Crud = List | Create | Get | Update | Delete,
    }

    /// <summary>One family of resources under <c>/v1/me/apps/{partnerId}/{Path}</c>.</summary>
    /// <param name="Path">The path segment, e.g. <c>campaigns</c>.</param>
    /// <param name="ListProperty">The array property of its list answer; null when it has no list route.</param>
    /// <param name="Store">Where an app keeps them.</param>
    /// <param name="NotFound">The documented 404 message for an ID or external ID.</param>
    /// <param name="Routes">Its routes.</param>
    /// <param name="Validate">Refuses a create (existing null) or update body the way the family documents, or returns null.</param>
    /// <param name="ListFilter">The list route's query filters, if any.</param>
    private sealed record ResourceFamily(
        string Path,
        string? ListProperty,
        Func<AccengageAppData, ResourceStore> Store,
        Func<string, string> NotFound,
        Operations Routes,
        Func<AccengageCall, JsonObject, JsonObject?, IResult?>? Validate,
        Func<AccengageCall, JsonObject, bool>? ListFilter = null)
    {
        public bool Has(Operations operation) => (Routes & operation) == operation;
    }
}
