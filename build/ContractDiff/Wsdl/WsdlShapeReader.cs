using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Contracts.WsdlGenerator;

namespace Contracts.ContractDiff.Wsdl;

/// <summary>
/// Reads a WSDL (loaded and its schema compiled by the WSDL generator's <see cref="WsdlDocument"/>, so both tools
/// read a contract alike) into a <see cref="WsdlShape"/>: every operation of every port type, and every schema type
/// its request and response messages reach, with the operations and directions that reach it.
/// </summary>
internal sealed class WsdlShapeReader
{
    private readonly WsdlDocument _wsdl;
    private readonly Dictionary<string, WsdlType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (XmlSchemaType Type, string Display)> _schemaTypes = new(StringComparer.Ordinal);

    private WsdlShapeReader(WsdlDocument wsdl) => _wsdl = wsdl;

    /// <param name="path">The file to read.</param>
    /// <param name="displayPath">How errors name it ("contracts/onc/onc.wsdl at the base").</param>
    public static WsdlShape Read(string path, string displayPath)
    {
        try
        {
            return new WsdlShapeReader(WsdlDocument.Load(path, displayPath)).Read();
        }
        catch (WsdlGenerationException ex)
        {
            throw new ContractDiffException(ex.Message);
        }
    }

    private WsdlShape Read()
    {
        var operations = new SortedDictionary<string, WsdlOperation>(StringComparer.Ordinal);
        var portTypes = _wsdl.PortTypes.ToList();
        foreach (var portType in portTypes)
        {
            var portTypeName = (string?)portType.Attribute("name") ?? "";
            var binding = _wsdl.Bindings.FirstOrDefault(b => b.Element(WsdlNames.Soap11 + "binding") is not null && _wsdl.ResolveQName(b, "type").Name == portTypeName);
            foreach (var operation in portType.Elements(WsdlNames.Wsdl + "operation"))
            {
                var name = (string?)operation.Attribute("name") ?? "";
                var key = portTypes.Count > 1 ? $"{portTypeName}.{name}" : name;
                operations[key] = ReadOperation(key, operation, binding?.Elements(WsdlNames.Wsdl + "operation").FirstOrDefault(o => (string?)o.Attribute("name") == name), binding);
            }
        }
        return new WsdlShape(operations, _types);
    }

    private WsdlOperation ReadOperation(string key, XElement operation, XElement? bound, XElement? binding)
    {
        var input = operation.Element(WsdlNames.Wsdl + "input");
        var output = operation.Element(WsdlNames.Wsdl + "output");
        var soapOperation = bound?.Element(WsdlNames.Soap11 + "operation");
        var action = NonEmpty((string?)soapOperation?.Attribute("soapAction"))
            ?? WsdlNames.AddressingNamespaces.Select(ns => NonEmpty((string?)input?.Attribute(ns + "Action"))).FirstOrDefault(a => a is not null);
        var style = (string?)soapOperation?.Attribute("style") ?? (string?)binding?.Element(WsdlNames.Soap11 + "binding")?.Attribute("style") ?? "document";
        var use = (string?)bound?.Element(WsdlNames.Wsdl + "input")?.Element(WsdlNames.Soap11 + "body")?.Attribute("use") ?? "literal";
        var faults = operation.Elements(WsdlNames.Wsdl + "fault").Select(f => (string?)f.Attribute("name") ?? "").Order(StringComparer.Ordinal).ToList();
        return new WsdlOperation(
            key,
            action,
            $"{style}/{use}",
            input is null ? new WsdlMessage([]) : ReadMessage(input, key, Direction.Request),
            output is null ? null : ReadMessage(output, key, Direction.Response),
            faults,
            LineOf(operation));
    }

    /// <summary>The parts of a message, reaching the types they carry for <paramref name="operation"/> in <paramref name="direction"/>.</summary>
    private WsdlMessage ReadMessage(XElement io, string operation, Direction direction)
    {
        var parts = new List<string>();
        foreach (var part in _wsdl.Find("message", io, "message").Elements(WsdlNames.Wsdl + "part"))
        {
            var partName = (string?)part.Attribute("name") ?? "";
            if (part.Attribute("element") is not null)
            {
                var name = _wsdl.ResolveQName(part, "element");
                parts.Add($"{partName}: element {name.Name} ({name.Namespace})");
                if (_wsdl.Schemas.GlobalElements[name] is XmlSchemaElement element && element.ElementSchemaType is { } type)
                    Reach(KeyOf(type, $"element {Clark(name)}", $"element {name.Name}"), operation, direction);
            }
            else if (part.Attribute("type") is not null)
            {
                var name = _wsdl.ResolveQName(part, "type");
                parts.Add($"{partName}: type {name.Name} ({name.Namespace})");
                if (_wsdl.Schemas.GlobalTypes[name] is XmlSchemaType type)
                    Reach(KeyOf(type, Clark(name), $"type {name.Name}"), operation, direction);
            }
        }
        return new WsdlMessage(parts);
    }

    /// <summary>Records that <paramref name="operation"/> reaches the type <paramref name="key"/> in <paramref name="direction"/>, and everything its fields reach.</summary>
    private void Reach(string key, string operation, Direction direction)
    {
        if (!_schemaTypes.TryGetValue(key, out var schemaType))
            return; // a built-in XML Schema type: nothing in it can change
        if (!_types.TryGetValue(key, out var type))
        {
            type = Build(key, schemaType.Type, schemaType.Display);
            _types.Add(key, type);
        }
        var reached = direction == Direction.Request ? type.Usage.Requests : type.Usage.Responses;
        if (!reached.Add(operation))
            return;
        foreach (var field in type.Fields)
            Reach(field.TypeKey, operation, direction);
        if (type.Base is not null)
            Reach(type.Base, operation, direction);
    }

    private WsdlType Build(string key, XmlSchemaType type, string display)
    {
        var fields = new List<WsdlField>();
        IReadOnlyList<string> enumeration = [];
        string? baseKey = null;
        switch (type)
        {
            case XmlSchemaComplexType complex:
                AddFields(complex.ContentTypeParticle, optional: false, key, display, fields);
                foreach (var attribute in complex.AttributeUses.Values.Cast<XmlSchemaAttribute>().OrderBy(a => a.QualifiedName.Name, StringComparer.Ordinal))
                {
                    var attributeType = attribute.AttributeSchemaType is { } t ? KeyOf(t, $"{key}/@{attribute.QualifiedName.Name}", $"{display}/@{attribute.QualifiedName.Name}") : "(any)";
                    fields.Add(new WsdlField("@" + attribute.QualifiedName.Name, attribute.QualifiedName.Namespace, attributeType, attribute.Use == XmlSchemaUse.Required ? 1 : 0, 1, false, attribute.LineNumber));
                }
                if (complex.DerivedBy != XmlSchemaDerivationMethod.Empty && complex.BaseXmlSchemaType is { } baseType && baseType.QualifiedName != XmlSchemaAnyType)
                    baseKey = KeyOf(baseType, $"{key}/(base)", $"{display}/(base)");
                break;
            case XmlSchemaSimpleType simple:
                switch (simple.Content)
                {
                    case XmlSchemaSimpleTypeRestriction restriction:
                        enumeration = restriction.Facets.OfType<XmlSchemaEnumerationFacet>().Select(f => f.Value ?? "").ToList();
                        if (simple.BaseXmlSchemaType is { } restricted)
                            baseKey = KeyOf(restricted, $"{key}/(base)", $"{display}/(base)");
                        break;
                    case XmlSchemaSimpleTypeList list when list.BaseItemType is { } item:
                        baseKey = "list of " + KeyOf(item, $"{key}/(item)", $"{display}/(item)");
                        break;
                    case XmlSchemaSimpleTypeUnion union:
                        baseKey = "union of " + string.Join(" ", (union.BaseMemberTypes ?? []).Select((m, i) => KeyOf(m, $"{key}/(member {i})", $"{display}/(member {i})")));
                        break;
                }
                break;
        }
        return new WsdlType(key, display, fields, enumeration, baseKey, new WsdlUsage(), type.LineNumber);
    }

    /// <summary>The elements of a content model in wire order; what a choice, or an optional group, holds may be left out.</summary>
    private void AddFields(XmlSchemaParticle? particle, bool optional, string ownerKey, string ownerDisplay, List<WsdlField> fields)
    {
        switch (particle)
        {
            case XmlSchemaElement element:
                var name = element.RefName.IsEmpty ? element.QualifiedName : element.RefName;
                var declaration = element.RefName.IsEmpty ? element : _wsdl.Schemas.GlobalElements[element.RefName] as XmlSchemaElement ?? element;
                var typeKey = (element.ElementSchemaType ?? declaration.ElementSchemaType) is { } type
                    ? KeyOf(type, $"{ownerKey}/{name.Name}", $"{ownerDisplay}/{name.Name}")
                    : "(any)";
                fields.Add(new WsdlField(name.Name, name.Namespace, typeKey, optional ? 0 : element.MinOccurs, element.MaxOccurs, declaration.IsNillable, element.LineNumber));
                break;
            case XmlSchemaGroupBase group:
                var itemsOptional = optional || group.MinOccurs == 0 || (group is XmlSchemaChoice && group.Items.Count > 1);
                foreach (var item in group.Items.OfType<XmlSchemaParticle>())
                    AddFields(item, itemsOptional, ownerKey, ownerDisplay, fields);
                break;
            case XmlSchemaGroupRef reference:
                AddFields(reference.Particle, optional || reference.MinOccurs == 0, ownerKey, ownerDisplay, fields);
                break;
            case XmlSchemaAny any:
                fields.Add(new WsdlField("(any)", any.Namespace ?? "##any", "(any)", optional ? 0 : any.MinOccurs, any.MaxOccurs, false, any.LineNumber));
                break;
        }
    }

    /// <summary>
    /// A type's key: {namespace}name for a named type, <paramref name="anonymousKey"/> for an anonymous one. Types that
    /// are not built in are remembered, so that <see cref="Reach"/> can build them.
    /// </summary>
    private string KeyOf(XmlSchemaType type, string anonymousKey, string anonymousDisplay)
    {
        var named = !type.QualifiedName.IsEmpty;
        var key = named ? Clark(type.QualifiedName) : anonymousKey;
        if (named && type.QualifiedName.Namespace == XmlSchema.Namespace)
            return key;
        _schemaTypes.TryAdd(key, (type, named ? $"type {type.QualifiedName.Name}" : anonymousDisplay));
        return key;
    }

    private static readonly XmlQualifiedName XmlSchemaAnyType = new("anyType", XmlSchema.Namespace);

    private static string Clark(XmlQualifiedName name) => $"{{{name.Namespace}}}{name.Name}";

    private static int LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
