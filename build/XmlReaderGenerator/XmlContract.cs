using YamlDotNet.RepresentationModel;

namespace Contracts.XmlReaderGenerator;

/// <summary>The contract's XML answers: the schemas responses name with <c>x-xml-answer</c>, resolved.</summary>
internal sealed class XmlContract
{
    private readonly YamlMappingNode _schemas;

    private XmlContract(YamlMappingNode schemas, IReadOnlyList<string> answers)
    {
        _schemas = schemas;
        Answers = answers;
    }

    /// <summary>The schema names of every <c>x-xml-answer</c>, in contract order, once each.</summary>
    public IReadOnlyList<string> Answers { get; }

    public static XmlContract Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
            stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var schemas = (YamlMappingNode)Child(Child(root, "components")!, "schemas")!;
        var answers = new List<string>();
        foreach (var (_, pathItem) in (YamlMappingNode)Child(root, "paths")!)
        {
            foreach (var (_, operation) in (YamlMappingNode)pathItem)
            {
                if (Child(operation, "responses") is not YamlMappingNode responses)
                    continue;
                foreach (var (_, response) in responses)
                {
                    if (Text(response, "x-xml-answer") is { } answer && !answers.Contains(answer))
                        answers.Add(answer);
                }
            }
        }
        return new XmlContract(schemas, answers);
    }

    /// <summary>A component schema by name, its <c>allOf</c> parts merged (bases first).</summary>
    public XmlSchema Schema(string name)
    {
        if (Child(_schemas, name) is not YamlMappingNode node)
            throw new XmlContractException($"x-xml-answer names '{name}', which is not a schema of components/schemas.");
        var xmlName = Text(Child(node, "xml"), "name");
        var properties = new List<XmlProperty>();
        Collect(node, properties);
        return new XmlSchema(name, xmlName, properties);
    }

    private void Collect(YamlNode node, List<XmlProperty> properties)
    {
        if (Text(node, "$ref") is { } reference)
        {
            Collect(Child(_schemas, RefName(reference))!, properties);
            return;
        }
        if (Child(node, "allOf") is YamlSequenceNode parts)
        {
            foreach (var part in parts)
                Collect(part, properties);
        }
        if (Child(node, "properties") is YamlMappingNode declared)
        {
            foreach (var (key, property) in declared)
                properties.Add(Property(((YamlScalarNode)key).Value!, property));
        }
    }

    private XmlProperty Property(string name, YamlNode node)
    {
        var xml = Child(node, "xml");
        var elementName = Text(xml, "name") ?? name;
        var isAttribute = Text(xml, "attribute") == "true";
        var type = Resolve(node);
        if (Text(type, "type") == "array")
        {
            var items = Child(type, "items") ?? throw new XmlContractException($"the array '{name}' has no items.");
            var itemSchema = ObjectName(items) ?? throw new XmlContractException($"the items of '{name}' must be a $ref to an object schema.");
            var itemName = Text(Child(Resolve(items), "xml"), "name") ?? itemSchema;
            var wrapped = Text(xml, "wrapped") == "true";
            return new XmlProperty(name, wrapped ? elementName : itemName, XmlKind.List, itemSchema, wrapped ? itemName : null, isAttribute);
        }
        if (ObjectName(node) is { } objectSchema)
            return new XmlProperty(name, elementName, XmlKind.Object, objectSchema, null, isAttribute);
        return (Text(type, "type"), Text(type, "format")) switch
        {
            ("string", null) => new XmlProperty(name, elementName, XmlKind.Text, null, null, isAttribute),
            ("integer", "int64") => new XmlProperty(name, elementName, XmlKind.Int64, null, null, isAttribute),
            var (t, f) => throw new XmlContractException($"'{name}' is {t}{(f is null ? "" : "/" + f)}, which the XML reader generator does not read yet: add it to XmlContract and ReaderWriter."),
        };
    }

    /// <summary>The object schema a property points at ($ref, or allOf of one $ref), or null for a scalar.</summary>
    private string? ObjectName(YamlNode node)
    {
        var reference = Text(node, "$ref") ?? (Child(node, "allOf") is YamlSequenceNode { Children.Count: 1 } one ? Text(one[0], "$ref") : null);
        if (reference is null)
            return null;
        var name = RefName(reference);
        return Text(Child(_schemas, name), "type") == "string" ? null : name;
    }

    /// <summary>The schema that gives a property's type: its own, or the one it points at.</summary>
    private YamlNode Resolve(YamlNode node)
    {
        var reference = Text(node, "$ref") ?? (Child(node, "allOf") is YamlSequenceNode { Children.Count: 1 } one ? Text(one[0], "$ref") : null);
        return reference is null ? node : Child(_schemas, RefName(reference))!;
    }

    private static string RefName(string reference)
        => reference.StartsWith("#/components/schemas/", StringComparison.Ordinal)
            ? reference["#/components/schemas/".Length..]
            : throw new XmlContractException($"'{reference}' is not a reference to components/schemas.");

    private static YamlNode? Child(YamlNode? node, string key)
        => node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(YamlNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}

internal sealed record XmlSchema(string Name, string? XmlName, IReadOnlyList<XmlProperty> Properties);

/// <summary>One property: its element (or attribute) name and how its value is read.</summary>
/// <param name="Name">The property's name in the contract.</param>
/// <param name="ElementName">The element holding it (for a wrapped list, the wrapper; for an unwrapped one, each item).</param>
/// <param name="Kind">How the value is read.</param>
/// <param name="Schema">The object schema of an object or of a list's items.</param>
/// <param name="ItemName">A wrapped list's item element.</param>
/// <param name="IsAttribute">Read from an attribute rather than a child element.</param>
internal sealed record XmlProperty(string Name, string ElementName, XmlKind Kind, string? Schema, string? ItemName, bool IsAttribute);

internal enum XmlKind
{
    Text,
    Int64,
    Object,
    List,
}

internal sealed class XmlContractException(string message) : Exception(message);
