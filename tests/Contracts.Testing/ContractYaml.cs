using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Contracts.Testing;

/// <summary>
/// An OpenAPI contract of contracts/, read as YAML, for tests that hold hand-written code to what the contract states
/// (a limit, a default): when one side changes and the other does not, the test fails.
/// </summary>
public sealed class ContractYaml
{
    private ContractYaml(YamlMappingNode root) => Root = root;

    /// <summary>The document's root mapping.</summary>
    public YamlMappingNode Root { get; }

    /// <summary>Reads contracts/<paramref name="relativePath"/> (e.g. "engage/engage.openapi.yaml").</summary>
    public static ContractYaml Load(string relativePath)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Repository.Root, "contracts", relativePath)))
            yaml.Load(reader);
        return new ContractYaml((YamlMappingNode)yaml.Documents[0].RootNode);
    }

    /// <summary>The scalar at a path of keys; a number indexes a sequence (e.g. "allOf", "1").</summary>
    public string Scalar(params string[] path)
    {
        YamlNode node = Root;
        foreach (var step in path)
        {
            node = node switch
            {
                YamlMappingNode mapping => mapping[step],
                YamlSequenceNode sequence => sequence[int.Parse(step, CultureInfo.InvariantCulture)],
                _ => throw new InvalidOperationException($"'{step}' of {string.Join('/', path)} is below a scalar."),
            };
        }
        return ((YamlScalarNode)node).Value!;
    }

    /// <summary>The integer at a path of keys (a maxItems, a minimum, a default).</summary>
    public int Integer(params string[] path) => int.Parse(Scalar(path), CultureInfo.InvariantCulture);

    /// <summary>Every mapping of the document that holds <paramref name="key"/> (e.g. an extension such as <c>x-sdk-limit</c>).</summary>
    public IReadOnlyList<YamlMappingNode> Holding(string key)
        => AllMappings(Root).Where(m => m.Children.ContainsKey(new YamlScalarNode(key))).Distinct().ToList();

    /// <summary>The value of <paramref name="key"/> in <paramref name="node"/>, or null.</summary>
    public static string? Text(YamlMappingNode node, string key)
        => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static IEnumerable<YamlMappingNode> AllMappings(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                yield return mapping;
                foreach (var child in mapping.Children.Values.SelectMany(AllMappings))
                    yield return child;
                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children.SelectMany(AllMappings))
                    yield return child;
                break;
        }
    }
}
