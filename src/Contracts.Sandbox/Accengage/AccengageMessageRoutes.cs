using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// What hangs off one push message: its actions (its buttons, numbered from 1), its send (as a test, repeatable; for
/// real, once), its schedule and the schedule's exclusions, with the documented refusals.
/// </summary>
internal static partial class AccengageMessageRoutes
{
    private const string Message = "/v1/me/apps/{partnerId}/messages/{messageId}";

    public static void Map(AccengageRoutes api)
    {
        api.Map("GET", Message + "/actions", call => WithMessage(call, (id, message) => AccengagePaging.JsonPage(call, "actions", Actions(message))));
        api.Map("POST", Message + "/send", call => WithMessage(call, (id, _) => Send(call, id)));
        api.Map("POST", Message + "/schedules", call => WithMessage(call, (id, _) => CreateSchedule(call, id)));
        api.Map("GET", Message + "/schedules", call => WithMessage(call, (id, _) => call.App.Schedules.TryGetValue(id, out var schedule)
            ? AccengageAnswers.Json(AccengageAnswers.Copy(schedule))
            : AccengageAnswers.NotFound($"No schedule for messageId {id}")));
        api.Map("PUT", Message + "/schedules", call => WithMessage(call, (id, _) => UpdateSchedule(call, id)));
        api.Map("DELETE", Message + "/schedules", call => WithMessage(call, (id, _) =>
        {
            if (!call.App.Schedules.Remove(id))
                return AccengageAnswers.NotFound("No schedule for message");
            call.App.ScheduleExclusions.Remove(id);
            return AccengageAnswers.Ok();
        }));
        api.Map("POST", Message + "/schedules/exclusions", CreateExclusion);
        api.Map("GET", Message + "/schedules/exclusions", ListExclusions);
        api.Map("DELETE", Message + "/schedules/exclusions", call => WithMessage(call, (id, _) =>
        {
            call.App.ScheduleExclusions.Remove(id);
            return AccengageAnswers.Ok();
        }));
    }

    /// <summary>The message's possible actions: one per button of its first language, numbered from 1.</summary>
    public static IEnumerable<JsonNode> Actions(JsonObject message)
        => AccengageResourceRoutes.Elements(AccengageResourceRoutes.Elements(message["messages"]).FirstOrDefault()?["buttons"])
            .Select((button, index) => (JsonNode)new JsonObject { ["id"] = index + 1, ["action"] = AccengageJson.Text(button, "action") ?? "close" });

    /// <summary>A test send always goes; a real one goes once, then answers with the label of where that send stands.</summary>
    private static IResult Send(AccengageCall call, long id)
    {
        if (call.Query("test") == "true")
        {
            call.Simulator.CountTestSend();
            return AccengageAnswers.Ok();
        }
        if (call.App.SendStates.TryGetValue(id, out var state))
        {
            return state switch
            {
                MessageSendState.Sending => AccengageAnswers.Error(StatusCodes.Status400BadRequest, "API_ERR_MESSAGE_SENDING", "The message is already being sent"),
                MessageSendState.Sent => AccengageAnswers.Error(StatusCodes.Status400BadRequest, "API_ERR_MESSAGE_SENT", "The message has already been sent"),
                _ => AccengageAnswers.Error(StatusCodes.Status400BadRequest, "API_ERR_MESSAGE_FAILED", "The message was already sent, and the send failed"),
            };
        }
        call.App.SendStates[id] = MessageSendState.Sent;
        return AccengageAnswers.Ok();
    }

    private static IResult CreateSchedule(AccengageCall call, long id)
    {
        if (call.App.Schedules.ContainsKey(id))
            return AccengageAnswers.Error(StatusCodes.Status403Forbidden, AccengageAnswers.Data, "Schedule already exists for message");
        if (ScheduleProblem(call, requireNextSendingDate: true) is { } refused)
            return refused;
        if (IsOutdated(call))
            return AccengageAnswers.BadData("Next sending date is outdated");
        call.App.Schedules[id] = call.Body!.DeepClone().AsObject();
        return AccengageAnswers.Ok();
    }

    private static IResult UpdateSchedule(AccengageCall call, long id)
    {
        if (!call.App.Schedules.TryGetValue(id, out var schedule))
            return AccengageAnswers.NotFound("No schedule for message");
        if (ScheduleProblem(call, requireNextSendingDate: false) is { } refused)
            return refused;
        if (IsOutdated(call))
            return AccengageAnswers.Error(StatusCodes.Status403Forbidden, AccengageAnswers.Data, "Next sending date is outdated");
        AccengageJson.Merge(schedule, call.Body!.AsObject());
        return AccengageAnswers.Ok();
    }

    private static IResult? ScheduleProblem(AccengageCall call, bool requireNextSendingDate)
    {
        if (call.Body is not JsonObject body)
            return AccengageAnswers.BadData("Validation failed for body param(s): the body must be a JSON object");
        if (requireNextSendingDate && body["nextSendingDate"] is null)
            return AccengageAnswers.BadData("Validation failed for body param(s): nextSendingDate is required");
        foreach (var field in new[] { "nextSendingDate", "startDate", "endDate" })
        {
            if (body[field] is not null && !AccengageJson.IsDateTime(AccengageJson.Text(body, field)))
                return AccengageAnswers.BadData($"Validation failed for body param(s): {field} must be an ISO 8601 date-time");
        }
        return null;
    }

    private static bool IsOutdated(AccengageCall call)
        => AccengageJson.DateTime(AccengageJson.Text(call.Body, "nextSendingDate")) is { } next && next < call.Now;

    private static IResult CreateExclusion(AccengageCall call)
    {
        if (call.RouteId("messageId") is not { } id)
            return AccengageAnswers.InvalidId(call.Route("messageId"));
        if (!call.App.Messages.Contains(id))
            return AccengageAnswers.NotFound("Message Push not found");
        if (!call.App.Schedules.TryGetValue(id, out var schedule))
            return AccengageAnswers.NotFound("Schedule not found");
        if (call.Body is not JsonObject body || AccengageJson.Text(body, "type") is not { Length: > 0 } type)
            return AccengageAnswers.BadData("Validation failed for body param(s): type is required");
        if (AccengageJson.Text(body, "days") is { } days && !DaysPattern().IsMatch(days))
            return AccengageAnswers.BadData("Validation failed for body param(s): days must look like [1,3] (1 Monday ... 7 Sunday)");
        if (type == "DAYS" && body["days"] is null)
            return AccengageAnswers.BadData("Validation failed for body param(s): a DAYS exclusion needs days");
        if (!WithinSchedule(body, schedule))
            return AccengageAnswers.BadData("Schedule exclusion's startDate and endDate must be included between schedule's startDate and endDate");
        if (!call.App.ScheduleExclusions.TryGetValue(id, out var exclusions))
            call.App.ScheduleExclusions[id] = exclusions = [];
        if (exclusions.Any(e => AccengageJson.Text(e, "type") == type))
            return AccengageAnswers.BadData($"Schedule exclusion type \"{type}\" already exists.");
        exclusions.Add(body.DeepClone().AsObject());
        return AccengageAnswers.Ok();
    }

    private static IResult ListExclusions(AccengageCall call)
    {
        if (call.RouteId("messageId") is not { } id)
            return AccengageAnswers.InvalidId(call.Route("messageId"));
        if (!call.App.Messages.Contains(id))
            return AccengageAnswers.NotFound("Message not found");
        if (!call.App.Schedules.ContainsKey(id))
            return AccengageAnswers.NotFound("Message not scheduled");
        var exclusions = call.App.ScheduleExclusions.GetValueOrDefault(id) ?? [];
        return AccengageAnswers.Json(new JsonArray(exclusions.Select(AccengageAnswers.Copy).ToArray()));
    }

    private static bool WithinSchedule(JsonObject exclusion, JsonObject schedule)
    {
        var from = AccengageJson.DateTime(AccengageJson.Text(schedule, "startDate"));
        var to = AccengageJson.DateTime(AccengageJson.Text(schedule, "endDate"));
        foreach (var field in new[] { "startDate", "endDate" })
        {
            if (exclusion[field] is null)
                continue;
            if (AccengageJson.DateTime(AccengageJson.Text(exclusion, field)) is not { } date || date < from || date > to)
                return false;
        }
        return true;
    }

    private static IResult WithMessage(AccengageCall call, Func<long, JsonObject, IResult> then)
    {
        if (call.RouteId("messageId") is not { } id)
            return AccengageAnswers.InvalidId(call.Route("messageId"));
        return call.App.Messages.Find(id) is { } message ? then(id, message) : AccengageAnswers.NotFound($"Message {id} not found");
    }

    [GeneratedRegex(@"^\[\s*[1-7](\s*,\s*[1-7])*\s*\]$", RegexOptions.CultureInvariant)]
    private static partial Regex DaysPattern();
}
