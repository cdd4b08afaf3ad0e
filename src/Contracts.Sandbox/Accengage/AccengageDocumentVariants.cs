using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// Rewrites an answer into the other forms the Accengage API (v1) documentation shows for it and the contract
/// accepts (<see cref="SandboxOptions.DocumentVariants"/>): the same values, written another way, so a client that
/// reads only one form fails against the sandbox as it would against the vendor.
/// </summary>
/// <remarks>
/// The forms: errors as a bare array ("an array of errors") and an expired token as 400 API_ERR_TOKEN; the paging
/// field spelled <c>link</c> and holding an array; campaign and schedule dates written <c>YYYY-MM-DD hh:mm:ss</c> (in
/// UTC, the form having no offset); the button action <c>urlscheme</c> spelled <c>urlsheme</c>; a single schedule
/// exclusion as one object; the device CSV without its header line when the request named its fields.
/// </remarks>
internal static class AccengageDocumentVariants
{
    private static readonly string[] SpacedDateFields = ["startDate", "endDate", "nextSendingDate"];

    public static IResult Rewrite(HttpRequest request, IResult answer)
    {
        if (answer is not ContentHttpResult { ResponseContent: { } content } text)
            return answer;
        var status = text.StatusCode ?? StatusCodes.Status200OK;
        if (text.ContentType?.StartsWith("text/csv", StringComparison.Ordinal) == true)
            return request.Query.Keys.Any(k => k.StartsWith("fields", StringComparison.Ordinal)) && content.IndexOf('\n', StringComparison.Ordinal) is var end and >= 0
                ? Results.Text(content[(end + 1)..], "text/csv", Encoding.UTF8, status)
                : answer;
        if (text.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true || JsonNode.Parse(content) is not { } body)
            return answer;

        if (status >= 400 && body["errors"] is JsonArray errors)
        {
            var expiredToken = status == StatusCodes.Status401Unauthorized && errors.Any(e => AccengageJson.Text(e, "label") == AccengageAnswers.Token);
            return AccengageAnswers.Json(errors.DeepClone(), expiredToken ? StatusCodes.Status400BadRequest : status);
        }
        var path = request.Path.Value ?? "";
        if (path.EndsWith("/schedules/exclusions", StringComparison.Ordinal) && body is JsonArray { Count: 1 } single)
            body = single[0]!.DeepClone();
        Rewrite(body, spacedDates: path.Contains("/campaigns", StringComparison.Ordinal) || path.Contains("/schedules", StringComparison.Ordinal));
        return AccengageAnswers.Json(body, status);
    }

    private static void Rewrite(JsonNode node, bool spacedDates)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                        Rewrite(item, spacedDates);
                }
                break;
            case JsonObject obj:
                if (obj["links"] is JsonObject links)
                {
                    obj.Remove("links");
                    obj["link"] = new JsonArray(links.Select(l => (JsonNode)new JsonObject { [l.Key] = l.Value?.DeepClone() }).ToArray());
                }
                if (AccengageJson.Text(obj, "action") == "urlscheme")
                    obj["action"] = "urlsheme";
                foreach (var name in SpacedDateFields)
                {
                    if (spacedDates && AccengageJson.DateTime(AccengageJson.Text(obj, name)) is { } date)
                        obj[name] = date.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                }
                foreach (var (_, value) in obj.ToList())
                {
                    if (value is JsonObject or JsonArray)
                        Rewrite(value, spacedDates);
                }
                break;
        }
    }
}
