using System.Text.Json;

namespace Contracts.Engage;

/// <summary>
/// ENGAGE's answer fields (message, errorCode, requestId) read from the body of an answer whose status the contract
/// does not declare for the operation (a 403 or 404 from a gateway, a 500 on the push route, a 400 or 401 on the token
/// route): ENGAGE writes them there too, and a caller needs its errorCode and requestId to quote to ENGAGE's support.
/// A body that is not such JSON gives nothing, and the exception carries the status alone.
/// </summary>
internal sealed record EngageErrorBody(string? Message, string? ErrorCode, string RequestId) : IEngageAnswer
{
    /// <summary>Bodies above this size are not parsed for an exception: an error answer is a few hundred bytes.</summary>
    private const int MaxParsedChars = 64 * 1024;

    public string? Explanation => Message;

    /// <summary>The ENGAGE fields of <paramref name="body"/>, or null when it carries none.</summary>
    public static EngageErrorBody? TryRead(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.Length > MaxParsedChars || body.TrimStart()[0] != '{')
            return null;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var message = Text(root, "message");
            var errorCode = Text(root, "errorCode");
            var requestId = Text(root, "requestId");
            return message is null && errorCode is null && requestId is null ? null : new EngageErrorBody(message, errorCode, requestId ?? "");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string or number property as text (ENGAGE writes errorCode both ways); null when absent or of another kind.</summary>
    private static string? Text(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}
