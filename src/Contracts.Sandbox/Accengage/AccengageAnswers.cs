using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// Accengage's answers: JSON bodies, empty 200/204s, and the documented error body
/// <c>{"errors":[{"label":"API_ERR_...","message":"..."}]}</c> with its HTTP code.
/// </summary>
internal static class AccengageAnswers
{
    public const string Token = "API_ERR_TOKEN";
    public const string Signature = "API_ERR_SIGNATURE";
    public const string Forbidden = "API_ERR_FORBIDDEN";
    public const string Data = "API_ERR_DATA";
    public const string Database = "API_ERR_DB";

    public static IResult Json(JsonNode body, int status = StatusCodes.Status200OK)
        => Results.Content(body.ToJsonString(AccengageJson.Output), "application/json", Encoding.UTF8, status);

    /// <summary>200 with no body: what the update, delete and send routes answer.</summary>
    public static IResult Ok() => Results.StatusCode(StatusCodes.Status200OK);

    /// <summary>204: "nothing to do" / "the status was already the one you wanted".</summary>
    public static IResult NoContent() => Results.StatusCode(StatusCodes.Status204NoContent);

    /// <summary>The answer to a creation: the technical ID of the new resource.</summary>
    public static IResult Created(long id) => Json(new JsonObject { ["id"] = id });

    public static IResult Error(int status, string label, string message) => Json(ErrorBody(label, message), status);

    public static JsonObject ErrorBody(string label, string message)
        => new() { ["errors"] = new JsonArray(new JsonObject { ["label"] = label, ["message"] = message }) };

    /// <summary>400 API_ERR_DATA: the request's data is wrong.</summary>
    public static IResult BadData(string message) => Error(StatusCodes.Status400BadRequest, Data, message);

    /// <summary>404 API_ERR_DATA: what the request names does not exist.</summary>
    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, Data, message);

    /// <summary>400 API_ERR_DATA for an ID that is not a positive integer (e.g. <c>cmp</c>).</summary>
    public static IResult InvalidId(string raw) => BadData($"Invalid ID {raw}");

    /// <summary>The status and labels of an error answer, for the multi-app send's per-app results.</summary>
    public static JsonObject? BodyOf(IResult result) => result is ContentHttpResult { ResponseContent: { } content }
        ? JsonNode.Parse(content)?.AsObject()
        : null;

    public static int StatusOf(IResult result) => result is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK;

    /// <summary>A JSON copy of the value for an answer (stored resources are never handed out themselves).</summary>
    public static JsonNode Copy(JsonNode node) => node.DeepClone();

    /// <summary>Reads a request body as JSON, or null when it is not JSON.</summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
