using System.Text.Json.Serialization;

namespace Contracts.Benchmarks.Engage;

// The hand-written baseline's own types, as a team without the SDK would write them: source-generated JSON.
public sealed record BaselineDestination(
    [property: JsonPropertyName("bNumber")] string BNumber,
    [property: JsonPropertyName("personalization"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Dictionary<string, string>? Personalization,
    [property: JsonPropertyName("customTrackingId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CustomTrackingId);

public sealed record BaselinePushRequest(
    [property: JsonPropertyName("destinations")] IReadOnlyList<BaselineDestination> Destinations,
    [property: JsonPropertyName("aNumbers")] IReadOnlyList<string> ANumbers,
    [property: JsonPropertyName("ttlSeconds")] int TtlSeconds,
    [property: JsonPropertyName("keepAfterCall")] bool KeepAfterCall);

public sealed record BaselinePushResponse(
    [property: JsonPropertyName("response")] string? Response,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("errorCode")] string? ErrorCode,
    [property: JsonPropertyName("requestId")] string? RequestId);

[JsonSerializable(typeof(BaselinePushRequest))]
[JsonSerializable(typeof(BaselinePushResponse))]
public sealed partial class BaselineJsonContext : JsonSerializerContext;
