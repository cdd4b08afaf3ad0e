using System.Text.Json.Serialization;

namespace Contracts.Benchmarks.Accengage;

// The hand-written baseline's own types, as a team without the SDK would write them: source-generated JSON.
public sealed record BaselineTarget(
    [property: JsonPropertyName("deviceId")] string DeviceId,
    [property: JsonPropertyName("data")] Dictionary<string, string> Data);

public sealed record BaselineInstantMessage(
    [property: JsonPropertyName("targets")] IReadOnlyList<BaselineTarget> Targets,
    [property: JsonPropertyName("parentMessageId")] long ParentMessageId,
    [property: JsonPropertyName("text")] string Text);

[JsonSerializable(typeof(BaselineInstantMessage))]
public sealed partial class BaselineAccengageJsonContext : JsonSerializerContext;
