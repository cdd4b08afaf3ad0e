using System.Text;
using System.Text.Json;
using Contracts.Pacts.Matchers;
using Contracts.Pacts.Native;

namespace Contracts.Pacts;

/// <summary>
/// What the request and the response of an interaction have alike: headers, a body, body matching rules. The engine
/// treats both sides the same way; <typeparamref name="TSelf"/> keeps the fluent calls typed.
/// </summary>
/// <typeparam name="TSelf">The request or response builder.</typeparam>
public abstract class InteractionPartBuilder<TSelf>
    where TSelf : InteractionPartBuilder<TSelf>
{
    private readonly PactFfi.InteractionPart _part;
    private readonly Dictionary<string, int> _headerValues = new(StringComparer.OrdinalIgnoreCase);
    private bool _hasBody;

    private protected InteractionPartBuilder(Interaction interaction, PactFfi.InteractionPart part)
    {
        Interaction = interaction;
        _part = part;
    }

    private protected Interaction Interaction { get; }

    private string Side => _part == PactFfi.InteractionPart.Request ? "request" : "response";

    /// <summary>A header; repeating a name adds further values, in order. On a request, headers not listed are not checked.</summary>
    public TSelf WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        Interaction.ThrowIfSealed();
        var index = _headerValues.GetValueOrDefault(name);
        Interaction.Check(PactFfi.WithHeader(Interaction.Handle, _part, name, (nuint)index, value), $"{Side} header {name}: {value}");
        _headerValues[name] = index + 1;
        return (TSelf)this;
    }

    /// <summary>A header matched by a rule; the mock server sends (or the file shows) the example.</summary>
    public TSelf WithHeader(string name, Matcher value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return WithHeader(name, value.ToJson());
    }

    /// <summary>
    /// A JSON body (an anonymous object, a model, a JsonNode) serialised with the pact's settings; <see cref="Matcher"/>s
    /// anywhere inside it become matching rules.
    /// </summary>
    public TSelf WithJsonBody(object body, string contentType = "application/json")
        => WithJsonBody(body, Interaction.JsonOptions, contentType);

    /// <summary>A JSON body serialised with <paramref name="options"/>.</summary>
    public TSelf WithJsonBody(object body, JsonSerializerOptions options, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(options);
        return WithBody(JsonSerializer.Serialize(body, body.GetType(), options), contentType);
    }

    /// <summary>A raw body (XML, SOAP, text), compared by its content type: XML structurally and namespace-aware.</summary>
    public TSelf WithBody(string body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        Interaction.ThrowIfSealed();
        if (_hasBody)
            throw new InvalidOperationException($"The {Side} of '{Interaction.Description}' already has a body.");
        Interaction.Check(PactFfi.WithBody(Interaction.Handle, _part, contentType, body), $"{Side} body ({contentType})");
        _hasBody = true;
        return (TSelf)this;
    }

    /// <summary>A matching rule at a path of the body, e.g. <c>$.items[*].id</c>.</summary>
    public TSelf WithBodyMatchingRule(string path, MatchingRule rule)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(rule);
        if (!path.StartsWith('$'))
            throw new ArgumentException($"A body path starts at the root, '$' (got '{path}').", nameof(path));
        Interaction.ThrowIfSealed();
        Interaction.Check(PactFfi.WithMatchingRules(Interaction.Handle, _part, BodyRulesJson(path, rule)), $"{Side} body rule {rule} at {path}");
        return (TSelf)this;
    }

    /// <summary>A matching rule at a namespace-aware path of an XML body (prefixed elements cannot carry inline matchers).</summary>
    public TSelf WithBodyMatchingRule(XmlPath path, MatchingRule rule)
    {
        ArgumentNullException.ThrowIfNull(path);
        return WithBodyMatchingRule(path.ToString(), rule);
    }

    /// <summary><c>{"body": {"&lt;path&gt;": {"combine": "AND", "matchers": [rule]}}}</c>, the V4 form the engine merges in.</summary>
    private static string BodyRulesJson(string path, MatchingRule rule)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("body");
            writer.WriteStartObject(path);
            writer.WriteString("combine", "AND");
            writer.WriteStartArray("matchers");
            rule.WriteRule(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
