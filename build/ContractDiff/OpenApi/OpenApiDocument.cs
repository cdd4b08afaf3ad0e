using YamlDotNet.RepresentationModel;

namespace Contracts.ContractDiff.OpenApi;

/// <summary>
/// An OpenAPI contract read as YAML, only to name what redocly reports by JSON pointer: an operation's operationId,
/// a parameter's name and location. Local $refs are followed; nothing else is interpreted.
/// </summary>
internal sealed class OpenApiDocument
{
    private readonly YamlNode? _root;

    private OpenApiDocument(YamlNode? root) => _root = root;

    public static OpenApiDocument Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
            yaml.Load(reader);
        return new OpenApiDocument(yaml.Documents.Count > 0 ? yaml.Documents[0].RootNode : null);
    }

    /// <summary>The scalar at <paramref name="segments"/> (decoded pointer segments, local $refs followed), or null.</summary>
    public string? Scalar(IEnumerable<string> segments) => (Find(segments, followReferences: true) as YamlScalarNode)?.Value;

    private YamlNode? Find(IEnumerable<string> segments, bool followReferences)
    {
        var node = _root;
        foreach (var segment in segments)
        {
            node = Step(followReferences ? Follow(node) : node, segment);
            if (node is null)
                return null;
        }
        return followReferences ? Follow(node) : node;
    }

    private static YamlNode? Step(YamlNode? node, string segment) => node switch
    {
        YamlMappingNode mapping => mapping.Children.TryGetValue(new YamlScalarNode(segment), out var child) ? child : null,
        YamlSequenceNode sequence when int.TryParse(segment, out var index) && index >= 0 && index < sequence.Children.Count => sequence.Children[index],
        _ => null,
    };

    /// <summary>The node a local {$ref: '#/...'} points to (a chain followed a few steps, never round a cycle), or the node itself.</summary>
    private YamlNode? Follow(YamlNode? node)
    {
        for (var depth = 0; depth < 8; depth++)
        {
            if (node is not YamlMappingNode mapping
                || !mapping.Children.TryGetValue(new YamlScalarNode("$ref"), out var reference)
                || reference is not YamlScalarNode { Value: { } target }
                || !target.StartsWith("#/", StringComparison.Ordinal))
                return node;
            node = Find(JsonPointer.Decode(target), followReferences: false);
        }
        return node;
    }
}
