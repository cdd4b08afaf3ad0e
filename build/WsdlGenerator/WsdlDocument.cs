using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Contracts.WsdlGenerator;

/// <summary>
/// A WSDL 1.1 file as written: its messages, port types, bindings, service addresses and the compiled schema of its
/// wsdl:types (inline schemas plus the local files they import). Says nothing yet about C#.
/// </summary>
internal sealed class WsdlDocument
{
    private WsdlDocument(XElement root, SourceLocator locator, XmlSchemaSet schemas)
    {
        Root = root;
        Locator = locator;
        Schemas = schemas;
        TargetNamespace = (string?)root.Attribute("targetNamespace") ?? "";
    }

    public XElement Root { get; }

    public SourceLocator Locator { get; }

    /// <summary>Every schema of wsdl:types, compiled.</summary>
    public XmlSchemaSet Schemas { get; }

    public string TargetNamespace { get; }

    public IEnumerable<XElement> PortTypes => Root.Elements(WsdlNames.Wsdl + "portType");

    public IEnumerable<XElement> Bindings => Root.Elements(WsdlNames.Wsdl + "binding");

    public IEnumerable<XElement> Ports => Root.Elements(WsdlNames.Wsdl + "service").Elements(WsdlNames.Wsdl + "port");

    /// <summary>Loads and checks <paramref name="path"/>; <paramref name="displayPath"/> is how errors name it.</summary>
    public static WsdlDocument Load(string path, string displayPath)
    {
        var locator = new SourceLocator(path, displayPath);
        XDocument document;
        try
        {
            document = XDocument.Load(path, LoadOptions.SetLineInfo | LoadOptions.SetBaseUri);
        }
        catch (XmlException ex)
        {
            throw new WsdlGenerationException(displayPath, ex.LineNumber, ex.LinePosition, $"not well-formed XML: {ex.Message}");
        }

        var root = document.Root!;
        if (root.Name != WsdlNames.Wsdl + "definitions")
            throw locator.Error(root, $"the root element is {root.Name}, not a WSDL 1.1 wsdl:definitions (WSDL 2.0 is not supported)");
        if (root.Element(WsdlNames.Wsdl + "import") is { } import)
            throw locator.Error(import, "wsdl:import is not supported: publish the contract as a single file (WCF's ?singleWsdl form)");

        return new WsdlDocument(root, locator, CompileSchemas(root, locator));
    }

    /// <summary>The top-level WSDL element of kind <paramref name="kind"/> named by a QName attribute, or an error naming it.</summary>
    public XElement Find(string kind, XElement referrer, string attribute)
    {
        var name = ResolveQName(referrer, attribute);
        var found = Root.Elements(WsdlNames.Wsdl + kind).FirstOrDefault(e => (string?)e.Attribute("name") == name.Name);
        if (found is null || name.Namespace != TargetNamespace)
            throw Locator.Error(referrer, $"wsdl:{referrer.Name.LocalName} refers to wsdl:{kind} '{name}', which this file does not define");
        return found;
    }

    /// <summary>Reads a QName-valued attribute ("tns:Foo") using the prefixes in scope on <paramref name="element"/>.</summary>
    public XmlQualifiedName ResolveQName(XElement element, string attribute)
    {
        var value = (string?)element.Attribute(attribute)
            ?? throw Locator.Error(element, $"wsdl:{element.Name.LocalName} has no {attribute} attribute");
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? "" : value[..colon];
        var local = colon < 0 ? value : value[(colon + 1)..];
        var ns = prefix.Length == 0 ? element.GetDefaultNamespace() : element.GetNamespaceOfPrefix(prefix);
        if (ns is null)
            throw Locator.Error(element, $"the prefix '{prefix}' in {attribute}=\"{value}\" is not declared");
        return new XmlQualifiedName(local, ns.NamespaceName);
    }

    private static XmlSchemaSet CompileSchemas(XElement root, SourceLocator locator)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new LocalFileResolver() };
        var problems = new List<WsdlGenerationException>();
        schemas.ValidationEventHandler += (_, e) => problems.Add(locator.Error(e.Exception, $"invalid schema: {e.Message}{Cause(e.Exception)}"));

        var types = root.Element(WsdlNames.Wsdl + "types");
        foreach (var schemaElement in types?.Elements(WsdlNames.Xsd + "schema") ?? [])
        {
            // A schema may use prefixes declared on wsdl:definitions; the schema reader only sees its own subtree.
            foreach (var declaration in schemaElement.Ancestors().Attributes().Where(a => a.IsNamespaceDeclaration))
            {
                if (schemaElement.Attribute(declaration.Name) is null)
                    schemaElement.SetAttributeValue(declaration.Name, declaration.Value);
            }
            using var reader = schemaElement.CreateReader();
            var schema = XmlSchema.Read(reader, (_, e) => problems.Add(locator.Error(e.Exception, $"invalid schema: {e.Message}")));
            if (schema is not null)
                schemas.Add(schema);
        }
        if (problems.Count == 0)
            schemas.Compile();
        if (problems.Count > 0)
            throw problems[0];
        return schemas;
    }

    /// <summary>Why an import could not be resolved (the resolver's own message), which the schema reader hides in the inner exception.</summary>
    private static string Cause(Exception exception) => exception.InnerException is { } inner ? $" ({inner.Message})" : "";

    /// <summary>Resolves schemaLocation to local files only: generation never reaches the network.</summary>
    private sealed class LocalFileResolver : XmlUrlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            ArgumentNullException.ThrowIfNull(absoluteUri);
            if (!absoluteUri.IsFile)
                throw new XmlSchemaException($"schemaLocation '{absoluteUri}' is not a local file; generation reads only files beside the contract");
            return base.GetEntity(absoluteUri, role, ofObjectToReturn);
        }
    }
}
