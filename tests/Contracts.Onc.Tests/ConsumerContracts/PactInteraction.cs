using System.Text.Json.Nodes;

namespace Contracts.Onc.Tests.ConsumerContracts;

/// <summary>One interaction of a V4 Pact file, read as the file stores it (for checks of the file itself).</summary>
internal sealed class PactInteraction
{
    private readonly JsonNode _json;

    private PactInteraction(JsonNode json) => _json = json;

    public string Description => _json["description"]!.GetValue<string>();

    public string? Method => _json["request"]?["method"]?.GetValue<string>();

    public string? RequestBody => _json["request"]?["body"]?["content"]?.GetValue<string>();

    public string? ResponseBody => _json["response"]?["body"]?["content"]?.GetValue<string>();

    /// <summary>The request's body matching rules, keyed by path.</summary>
    public JsonObject? RequestRules => _json["request"]?["matchingRules"]?["body"]?.AsObject();

    /// <summary>The response's body matching rules, keyed by path.</summary>
    public JsonObject? ResponseRules => _json["response"]?["matchingRules"]?["body"]?.AsObject();

    public static List<PactInteraction> ReadAll(string pactFile)
        => JsonNode.Parse(File.ReadAllText(pactFile))!["interactions"]!.AsArray().Select(i => new PactInteraction(i!)).ToList();

    public string? RequestHeader(string name) => Header(_json["request"], name);

    public string? ResponseHeader(string name) => Header(_json["response"], name);

    public override string ToString() => $"'{Description}'";

    /// <summary>A header's values joined as HTTP joins them; names compared case-insensitively, as HTTP compares them.</summary>
    private static string? Header(JsonNode? part, string name)
    {
        var values = part?["headers"]?.AsObject().FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        return values is JsonArray array ? string.Join(", ", array.Select(v => v!.GetValue<string>())) : values?.GetValue<string>();
    }
}
