using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// Instant messages, for one app and across apps: an existing message (by ID or external ID) triggered for at most
/// 100 targets, each named by at least one indexed field with an equality (a value or <c>{"$eq": value}</c>), every
/// <c>${field}</c> of the text filled from the target's <c>data</c> or its device, segments, lists and filters never
/// combined. Accepted requests are counted on the simulator; delivery itself is not simulated.
/// </summary>
internal static partial class AccengageInstantMessageRoutes
{
    /// <summary>"You can have up to 100 targets in a single instant message request."</summary>
    public const int MaxTargets = 100;

    private static readonly string[] Audiences = ["segments", "list", "lists", "filters"];

    public static void Map(AccengageRoutes api)
    {
        api.Map("POST", "/v1/me/apps/{partnerId}/send", SendToApp);
        api.Map("POST", "/v1/me/send", SendToApps);
    }

    private static IResult SendToApp(AccengageCall call)
    {
        if (call.Body is not JsonObject body)
            return AccengageAnswers.BadData("Invalid format: the body must be a JSON object");
        if (TargetsProblem(body["targets"], required: !Audiences.Any(a => body[a] is not null)) is { } refused)
            return refused;
        var result = Trigger(call.App, body, body["targets"] as JsonArray);
        if (AccengageAnswers.StatusOf(result) == StatusCodes.Status200OK)
            call.Simulator.CountInstantMessage(ValidTargets(call.App, body["targets"] as JsonArray).Count());
        return result;
    }

    /// <summary>One message per app (keyed by partner ID), common targets; the answer holds each app's status and error body.</summary>
    private static IResult SendToApps(AccengageCall call)
    {
        if (call.Body is not JsonObject body || body["apps"] is not JsonObject apps)
            return AccengageAnswers.BadData("You need to have an apps object in your body");
        if (body["targets"] is not JsonArray targets)
            return AccengageAnswers.BadData("You need to have a targets object in your body");
        if (TargetsProblem(targets, required: true) is { } refused)
            return refused;

        var answer = new JsonObject();
        foreach (var (partnerId, data) in apps)
        {
            var app = call.Simulator.FindApp(partnerId);
            var result = app is null
                ? AccengageAnswers.Error(StatusCodes.Status403Forbidden, AccengageAnswers.Forbidden, $"You have no rights on the app {partnerId}")
                : data is JsonObject message ? Trigger(app, message, targets) : AccengageAnswers.BadData("Invalid format: each app needs a message object");
            var status = AccengageAnswers.StatusOf(result);
            var entry = new JsonObject { ["statusCode"] = status };
            if (status != StatusCodes.Status200OK)
                entry["body"] = AccengageAnswers.BodyOf(result);
            else
                call.Simulator.CountInstantMessage(ValidTargets(app!, targets).Count());
            answer[partnerId] = entry;
        }
        return AccengageAnswers.Json(answer);
    }

    private static IResult? TargetsProblem(JsonNode? targets, bool required)
    {
        if (targets is null)
            return required ? AccengageAnswers.BadData("You need to have a targets object in your body") : null;
        if (targets is not JsonArray array)
            return AccengageAnswers.BadData("Invalid format: targets must be an array");
        if (array.Count > MaxTargets)
            return AccengageAnswers.BadData($"Invalid format: you can have up to {MaxTargets} targets in a single instant message request (got {array.Count})");
        return null;
    }

    /// <summary>Checks the message data against one app: the message exists, the audience is one kind, the targets are indexed and every placeholder is filled.</summary>
    private static IResult Trigger(AccengageAppData app, JsonObject data, JsonArray? targets)
    {
        var byId = data["parentMessageId"];
        var externalId = AccengageJson.Text(data, "parentMessageExternalId");
        if (byId is null && externalId is null)
            return AccengageAnswers.BadData("Invalid format: either parentMessageId or parentMessageExternalId must be defined");
        var message = byId is not null
            ? AccengageJson.AsLong(byId) is { } id ? app.Messages.Find(id) : null
            : app.Messages.FindByExternalId(externalId!);
        if (message is null)
            return AccengageAnswers.NotFound($"Message {AccengageJson.Scalar(byId) ?? externalId} not found");
        if (Audiences.Count(a => data[a] is not null) > 1)
            return AccengageAnswers.BadData("Using segments, lists and/or filters in the same Instant Message");
        if (targets is null)
            return AccengageAnswers.Ok();

        var valid = ValidTargets(app, targets).ToList();
        if (valid.Count == 0)
            return AccengageAnswers.BadData("Using non indexed criterions to query: name each target by an indexed field (client ID, token, deviceId...) with \"=\"");
        var text = string.Join(' ', AccengageJson.Text(data, "text"), AccengageJson.Text(data, "title"));
        var placeholders = Placeholder().Matches(text).Select(m => m.Groups["name"].Value).Distinct().ToList();
        foreach (var target in valid)
        {
            var missing = placeholders.Where(p => !Fills(app, target, p)).ToList();
            if (missing.Count > 0)
                return AccengageAnswers.BadData($"Unmatched template parameter(s): {string.Join(", ", missing)}");
        }
        return AccengageAnswers.Ok();
    }

    /// <summary>Targets named by at least one indexed field with an equality.</summary>
    private static IEnumerable<JsonObject> ValidTargets(AccengageAppData app, JsonArray? targets)
        => (targets ?? []).OfType<JsonObject>().Where(t => Criteria(app, t).Any());

    /// <summary>The (field, value) equalities on indexed fields of a target; <c>deviceId</c> is the UDID.</summary>
    private static IEnumerable<(string Field, string Value)> Criteria(AccengageAppData app, JsonObject target)
    {
        foreach (var (field, criterion) in target)
        {
            if (field == "data" || !(field == "deviceId" || app.IndexedDeviceFields.Contains(field)))
                continue;
            var value = AccengageJson.Scalar(criterion) ?? AccengageJson.Scalar(criterion?["$eq"]);
            if (value is not null)
                yield return (field, value);
        }
    }

    private static bool Fills(AccengageAppData app, JsonObject target, string placeholder)
    {
        if (target["data"] is JsonObject data && data.ContainsKey(placeholder))
            return true;
        return Criteria(app, target).SelectMany(c => app.DevicesWhere(c.Field, c.Value)).Any(d => d.ContainsKey(placeholder));
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z0-9_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
