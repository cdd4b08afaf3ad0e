using System.Text.RegularExpressions;
using Contracts.Testing;
using YamlDotNet.RepresentationModel;

namespace Contracts.Ogangi.Tests;

/// <summary>contracts/ogangi/ogangi.openapi.yaml, read as YAML: the operations with what they document.</summary>
internal static partial class ContractDocument
{
    private static readonly Lazy<YamlMappingNode> Root = new(() => ContractYaml.Load("ogangi/ogangi.openapi.yaml").Root);
    private static readonly Lazy<IReadOnlyList<ContractOperation>> Loaded = new(Load);

    public static IReadOnlyList<ContractOperation> Operations => Loaded.Value;

    /// <summary>The scalar at a path of keys, e.g. <c>Text("components", "schemas", "Base64Url", "pattern")</c>.</summary>
    public static string Text(params string[] keys)
    {
        YamlNode node = Root.Value;
        foreach (var key in keys)
            node = ((YamlMappingNode)node)[key];
        return ((YamlScalarNode)node).Value!;
    }

    /// <summary>Whether the path parameter <paramref name="name"/> is one the contract leaves to signing (<c>x-filled-by: signing</c>).</summary>
    public static bool FilledBySigning(string name)
    {
        var parameters = (YamlMappingNode)((YamlMappingNode)Root.Value["components"])["parameters"];
        return parameters.Children.Values.OfType<YamlMappingNode>().Any(p => Scalar(p, "name") == name && Scalar(p, "x-filled-by") == "signing");
    }

    public static ContractOperation Operation(string operationId) => Operations.Single(o => o.OperationId == operationId);

    private static List<ContractOperation> Load()
    {
        var root = Root.Value;
        var operations = new List<ContractOperation>();
        foreach (var (pathNode, pathItem) in (YamlMappingNode)root["paths"])
        {
            foreach (var (verbNode, operationNode) in (YamlMappingNode)pathItem)
            {
                var operation = (YamlMappingNode)operationNode;
                var description = Scalar(operation, "description") ?? "";
                var worked = WorkedExample().Match(description);
                var example = ((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)operation["responses"])["200"])["content"])["application/xml"]);
                operations.Add(new ContractOperation(
                    Scalar(operation, "operationId")!,
                    ((YamlScalarNode)verbNode).Value!.ToUpperInvariant(),
                    ((YamlScalarNode)pathNode).Value!,
                    ((YamlSequenceNode)operation["x-signed-segments"]).Select(n => ((YamlScalarNode)n).Value!).ToArray(),
                    worked.Success ? Unwrap(worked.Groups["signed"].Value) : null,
                    worked.Success ? worked.Groups["signature"].Value : null,
                    Scalar(example, "example")!));
            }
        }
        return operations;
    }

    private static string? Scalar(YamlMappingNode node, string key)
        => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    // A long signed string may be wrapped over two lines of the description.
    private static string Unwrap(string text) => Regex.Replace(text, @"\s*\n\s*", "");

    [GeneratedRegex(@"the\s+string\s+signed\s+is\s+`(?<signed>[^`]+)`\s+and\s+(?:the\s+)?signature\s+is\s+`(?<signature>[0-9a-f]{64})`")]
    private static partial Regex WorkedExample();
}

internal sealed record ContractOperation(
    string OperationId,
    string HttpMethod,
    string PathTemplate,
    IReadOnlyList<string> SignedSegments,
    string? WorkedSignedText,
    string? WorkedSignature,
    string ResponseExample)
{
    /// <summary>The template's parameter names in URL order.</summary>
    public IReadOnlyList<string> PathParameters
        => PathTemplate.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')).ToArray();

    /// <summary>The literal segments before the first parameter: the method name.</summary>
    public string MethodName => string.Join('/', PathTemplate.Trim('/').Split('/').TakeWhile(s => !s.StartsWith('{')));

    public override string ToString() => OperationId;
}
