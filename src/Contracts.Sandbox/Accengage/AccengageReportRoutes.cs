using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// The read-only reports, from the app's seeded data: clicks and targets by campaign or by message (a period with
/// <c>startDate</c>/<c>endDate</c>, device fields added with <c>data[]</c>) and daily statistics (<c>date</c>, or
/// <c>startDate</c> to <c>endDate</c> or today). All paginated.
/// </summary>
internal static class AccengageReportRoutes
{
    private const string App = "/v1/me/apps/{partnerId}";

    public static void Map(AccengageRoutes api)
    {
        api.Map("GET", App + "/campaigns/{campaignId}/clicks", call => ByCampaign(call, "clicks", call.App.Clicks));
        api.Map("GET", App + "/campaigns/{campaignId}/targets", call => ByCampaign(call, "targets", call.App.Targets));
        api.Map("GET", App + "/messages/{messageId}/clicks", call => ByMessage(call, "clicks", call.App.Clicks));
        api.Map("GET", App + "/messages/{messageId}/targets", call => ByMessage(call, "targets", call.App.Targets));
        api.Map("GET", App + "/stats", Stats);
    }

    /// <summary>403 for a campaign of another app of the user, 404 for a campaign nobody has.</summary>
    private static IResult ByCampaign(AccengageCall call, string listProperty, List<JsonObject> rows)
    {
        if (call.RouteId("campaignId") is not { } id)
            return AccengageAnswers.BadData("Invalid campaign ID: it must be a positive integer");
        if (!call.App.Campaigns.Contains(id))
        {
            return call.Simulator.OwnsCampaignElsewhere(call.App, id)
                ? AccengageAnswers.Error(StatusCodes.Status403Forbidden, AccengageAnswers.Forbidden, $"Campaign {id} is not associated with partner ID {call.App.PartnerId}")
                : AccengageAnswers.NotFound($"Campaign {id} not found");
        }
        return Rows(call, listProperty, rows.Where(r => AccengageJson.Long(r, "campaignId") == id));
    }

    private static IResult ByMessage(AccengageCall call, string listProperty, List<JsonObject> rows)
    {
        if (call.RouteId("messageId") is not { } id)
            return AccengageAnswers.InvalidId(call.Route("messageId"));
        if (!call.App.Messages.Contains(id))
            return AccengageAnswers.NotFound("Resource not found");
        return Rows(call, listProperty, rows.Where(r => AccengageJson.Long(r, "messageId") == id));
    }

    private static IResult Rows(AccengageCall call, string listProperty, IEnumerable<JsonObject> rows)
    {
        var from = AccengageJson.QueryDate(call.Query("startDate"));
        var to = AccengageJson.QueryDate(call.Query("endDate"), endOfDay: true);
        if ((call.Query("startDate") is { Length: > 0 } && from is null) || (call.Query("endDate") is { Length: > 0 } && to is null))
            return AccengageAnswers.BadData("Invalid date: use YYYY-MM-DD or YYYY-MM-DD hh:mm:ss");
        var fields = call.QueryArray("data");
        var page = rows
            .Where(r => AccengageJson.QueryDate(AccengageJson.Text(r, "date")) is var date && (from is null || date >= from) && (to is null || date <= to))
            .Select(r => (JsonNode)Answer(call.App, r, fields));
        return AccengagePaging.JsonPage(call, listProperty, page);
    }

    /// <summary>A click or target as answered: its device, action and date, plus the requested device fields in <c>data</c>.</summary>
    private static JsonObject Answer(AccengageAppData app, JsonObject row, IReadOnlyList<string> fields)
    {
        var answer = row.DeepClone().AsObject();
        answer.Remove("campaignId");
        answer.Remove("messageId");
        if (fields.Count == 0)
            return answer;
        var device = app.DevicesByUdid.GetValueOrDefault(AccengageJson.Text(row, "deviceId") ?? "");
        var data = new JsonObject();
        foreach (var field in fields)
        {
            if (device?[field] is { } value)
                data[field] = value.DeepClone();
        }
        answer["data"] = data;
        return answer;
    }

    private static IResult Stats(AccengageCall call)
    {
        var today = DateOnly.FromDateTime(call.Now.UtcDateTime);
        DateOnly? from, to;
        if (call.Query("startDate") is { Length: > 0 } start)
        {
            from = Day(start);
            to = call.Query("endDate") is { Length: > 0 } end ? Day(end) : today;
            if (from is null || to is null)
                return AccengageAnswers.BadData("Invalid date: statistics dates are YYYY-MM-DD");
        }
        else if (call.Query("date") is { Length: > 0 } date)
        {
            from = to = Day(date);
            if (from is null)
                return AccengageAnswers.BadData("Invalid date: statistics dates are YYYY-MM-DD");
        }
        else
        {
            from = to = null;
        }
        var days = call.App.Stats.Where(s => Day(AccengageJson.Text(s, "date")) is { } day && (from is null || day >= from) && (to is null || day <= to));
        return AccengagePaging.JsonPage(call, "stats", days);
    }

    private static DateOnly? Day(string? text)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;
}
