using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Contracts.Pacts.Native;

namespace Contracts.Pacts.Matchers;

/// <summary>
/// A matching rule with an example, placed where a value goes: in a JSON body, a header, a query parameter or the
/// path. The mock server answers with the example and accepts any request value the rule accepts; the Pact file
/// records both. Create one with <see cref="Match"/>.
/// </summary>
[JsonConverter(typeof(MatcherJsonConverter))]
public sealed class Matcher
{
    // Regexes keep their + and \ readable in headers, paths and messages; the engine parses either spelling.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal Matcher(MatchingRule rule, object? value)
    {
        Rule = rule;
        Value = value;
    }

    /// <summary>The rule's name (<c>pact:matcher:type</c>), as PactNet's matchers name it.</summary>
    public string Type => Rule.Name;

    /// <summary>How values are compared.</summary>
    public MatchingRule Rule { get; }

    /// <summary>The example: what the mock server sends, and what the Pact file shows.</summary>
    public object? Value { get; }

    /// <summary>The matcher in the engine's inline form: <c>{"pact:matcher:type": "regex", "regex": "...", "value": "..."}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Readable);

    /// <inheritdoc />
    public override string ToString() => $"{Rule} e.g. {JsonSerializer.Serialize(Value, Value?.GetType() ?? typeof(object))}";

    /// <summary>Checks that the example satisfies a regex rule with the engine's own regex dialect.</summary>
    internal void ThrowIfExampleBreaksRule()
    {
        if (Rule.RegexPattern is not { } regex)
            return;
        if (Value is not string example)
            throw new ArgumentException($"A regex matcher needs a string example (got {Value?.GetType().Name ?? "null"}) for /{regex}/.");
        PactEngine.EnsureLoaded();
        if (!PactFfi.CheckRegex(regex, example))
            throw new ArgumentException($"The example '{example}' does not match its own regex /{regex}/ (or the regex is invalid in the engine's Rust syntax).");
    }

    /// <summary>Writes a matcher in the inline form the engine reads inside bodies, headers, query values and paths.</summary>
    private sealed class MatcherJsonConverter : JsonConverter<Matcher>
    {
        public override Matcher Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => throw new NotSupportedException("Matchers are written into Pact interactions, never read back.");

        public override void Write(Utf8JsonWriter writer, Matcher value, JsonSerializerOptions options)
        {
            value.ThrowIfExampleBreaksRule();
            writer.WriteStartObject();
            writer.WriteString("pact:matcher:type", value.Rule.Name);
            value.Rule.WriteInlineParameters(writer);
            writer.WritePropertyName("value");
            JsonSerializer.Serialize(writer, value.Value, value.Value?.GetType() ?? typeof(object), options);
            writer.WriteEndObject();
        }
    }
}
