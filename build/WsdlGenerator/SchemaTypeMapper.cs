using System.Globalization;
using System.Xml;
using System.Xml.Schema;
using Contracts.WsdlGenerator.Model;

namespace Contracts.WsdlGenerator;

/// <summary>
/// Maps the schema types a contract's operations reach to C# types, following DataContractSerializer's schema
/// conventions (the ones WCF publishes): named complex types with an xs:sequence of qualified elements become
/// [DataContract] classes, sequences of one repeated element become collections, xs:enumeration becomes an enum.
/// Everything else is refused with the file, line and construct named.
/// </summary>
internal sealed class SchemaTypeMapper
{
    private readonly WsdlDocument _wsdl;
    private readonly string _clrNamespace;
    private readonly Dictionary<XmlQualifiedName, TypeRef> _mapped = [];
    private readonly Dictionary<string, XmlQualifiedName> _clrNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<DataType> _types = [];

    public SchemaTypeMapper(WsdlDocument wsdl, string clrNamespace)
    {
        _wsdl = wsdl;
        _clrNamespace = clrNamespace;
    }

    /// <summary>Every type generated so far, in the order first reached.</summary>
    public IReadOnlyList<DataType> Types => _types;

    /// <summary>Claims a C# name for something other than a data type (the service interface, the client).</summary>
    public void Reserve(string clrName, XmlQualifiedName owner, XmlSchemaObject? where)
    {
        if (_clrNames.TryGetValue(clrName, out var other))
            throw Error(where, $"'{owner}' and '{other}' would both be the C# type {clrName}");
        _clrNames.Add(clrName, owner);
    }

    /// <summary>The C# type of an element: its named type, or an error for anonymous and unsupported ones.</summary>
    /// <param name="element">A local element, an element reference or a global element.</param>
    /// <param name="usage">How the element is used, for error messages ("member 'Id' of type 'Contact'").</param>
    public TypeRef MapElementType(XmlSchemaElement element, string usage)
    {
        var target = Referenced(element);
        if (!target.SchemaTypeName.IsEmpty || target.ElementSchemaType is { QualifiedName.IsEmpty: false })
        {
            var type = target.ElementSchemaType ?? throw Error(element, $"{usage}: type '{target.SchemaTypeName}' is not defined");
            return MapType(type, element, usage);
        }
        if (target.SchemaType is not null)
            throw Error(element, $"{usage} declares an anonymous type: declare it as a named xs:complexType or xs:simpleType and refer to it");
        throw Error(element, $"{usage} has no type (xs:anyType is not supported)");
    }

    /// <summary>The global element an element reference points to, or the element itself.</summary>
    public XmlSchemaElement Referenced(XmlSchemaElement element)
    {
        if (element.RefName.IsEmpty)
            return element;
        return _wsdl.Schemas.GlobalElements[element.RefName] as XmlSchemaElement
            ?? throw Error(element, $"element reference '{element.RefName}' is not defined");
    }

    /// <summary>The qualified name an element has on the wire (a reference takes the referenced element's).</summary>
    public static XmlQualifiedName WireName(XmlSchemaElement element)
        => element.RefName.IsEmpty ? element.QualifiedName : element.RefName;

    /// <summary>Checks an element may appear once, and not in a form the serializer cannot write.</summary>
    public void CheckSingle(XmlSchemaElement element, string usage)
    {
        var target = Referenced(element);
        if (element.MaxOccurs != 1)
            throw Error(element, $"{usage} repeats (maxOccurs=\"{element.MaxOccursString}\"): wrap repeated elements in a collection type (a complexType whose sequence holds only the repeated element, such as ArrayOfX)");
        if (element.MinOccurs > 1)
            throw Error(element, $"{usage} has minOccurs=\"{element.MinOccursString}\"; only 0 and 1 are supported");
        if (target.IsAbstract || !target.SubstitutionGroup.IsEmpty)
            throw Error(element, $"{usage} uses an abstract element or a substitution group, which is not supported");
    }

    public WsdlGenerationException Error(XmlSchemaObject? where, string problem) => _wsdl.Locator.Error(where, problem);

    private TypeRef MapType(XmlSchemaType type, XmlSchemaObject where, string usage)
    {
        if (type.QualifiedName.Namespace == WsdlNames.Serialization)
        {
            switch (type.QualifiedName.Name)
            {
                case "guid": return new PrimitiveRef("global::System.Guid", true, "guid");
                case "char": return new PrimitiveRef("char", true, "char");
                case "duration": return new PrimitiveRef("global::System.TimeSpan", true, "duration");
            }
        }
        if (_mapped.TryGetValue(type.QualifiedName, out var known) && !type.QualifiedName.IsEmpty)
            return known;

        return type switch
        {
            XmlSchemaSimpleType simple when IsEnumeration(simple) => MapEnum(simple, where, usage),
            XmlSchemaSimpleType simple => MapSimple(simple, where, usage),
            XmlSchemaComplexType complex => MapComplex(complex, where, usage),
            _ => throw Error(where, $"{usage}: type '{type.QualifiedName}' is not supported"),
        };
    }

    private static bool IsEnumeration(XmlSchemaSimpleType type)
        => type.Content is XmlSchemaSimpleTypeRestriction restriction && restriction.Facets.OfType<XmlSchemaEnumerationFacet>().Any();

    private TypeRef MapSimple(XmlSchemaSimpleType type, XmlSchemaObject where, string usage)
    {
        if (type.Content is XmlSchemaSimpleTypeList)
            throw Error(type.QualifiedName.IsEmpty ? where : type, $"{usage}: xs:list types are not supported");
        if (type.Content is XmlSchemaSimpleTypeUnion)
            throw Error(type.QualifiedName.IsEmpty ? where : type, $"{usage}: xs:union types are not supported");
        return BuiltIn(type.TypeCode) ?? throw Error(where, $"{usage}: the XML Schema type {type.Datatype?.TypeCode.ToString() ?? type.QualifiedName.ToString()} is not supported");
    }

    /// <summary>The C# form of a built-in type, as DataContractSerializer reads and writes it; null when unsupported.</summary>
    private static PrimitiveRef? BuiltIn(XmlTypeCode code) => code switch
    {
        XmlTypeCode.String or XmlTypeCode.NormalizedString or XmlTypeCode.Token or XmlTypeCode.Language
            or XmlTypeCode.NmToken or XmlTypeCode.Name or XmlTypeCode.NCName or XmlTypeCode.Id
            or XmlTypeCode.Idref or XmlTypeCode.Entity => new PrimitiveRef("string", false, "string"),
        XmlTypeCode.Boolean => new PrimitiveRef("bool", true, "boolean"),
        XmlTypeCode.Int => new PrimitiveRef("int", true, "int"),
        XmlTypeCode.Long => new PrimitiveRef("long", true, "long"),
        XmlTypeCode.Short => new PrimitiveRef("short", true, "short"),
        XmlTypeCode.Byte => new PrimitiveRef("sbyte", true, "byte"),
        XmlTypeCode.UnsignedByte => new PrimitiveRef("byte", true, "unsignedByte"),
        XmlTypeCode.UnsignedShort => new PrimitiveRef("ushort", true, "unsignedShort"),
        XmlTypeCode.UnsignedInt => new PrimitiveRef("uint", true, "unsignedInt"),
        XmlTypeCode.UnsignedLong => new PrimitiveRef("ulong", true, "unsignedLong"),
        XmlTypeCode.Integer or XmlTypeCode.NonNegativeInteger or XmlTypeCode.PositiveInteger
            or XmlTypeCode.NegativeInteger or XmlTypeCode.NonPositiveInteger => new PrimitiveRef("long", true, "long"),
        XmlTypeCode.Float => new PrimitiveRef("float", true, "float"),
        XmlTypeCode.Double => new PrimitiveRef("double", true, "double"),
        XmlTypeCode.Decimal => new PrimitiveRef("decimal", true, "decimal"),
        XmlTypeCode.DateTime => new PrimitiveRef("global::System.DateTime", true, "dateTime"),
        XmlTypeCode.Duration => new PrimitiveRef("global::System.TimeSpan", true, "duration"),
        XmlTypeCode.Date => new PrimitiveRef("global::System.DateOnly", true, "date", WireShim.Date),
        XmlTypeCode.Time => new PrimitiveRef("global::System.TimeOnly", true, "time", WireShim.Time),
        XmlTypeCode.AnyUri => new PrimitiveRef("global::System.Uri", false, "anyURI"),
        XmlTypeCode.Base64Binary => new PrimitiveRef("byte[]", false, "base64Binary"),
        XmlTypeCode.QName => new PrimitiveRef("global::System.Xml.XmlQualifiedName", false, "QName"),
        _ => null,
    };

    private static string? IntegerClrType(XmlTypeCode code) => code switch
    {
        XmlTypeCode.Int => "int",
        XmlTypeCode.Long or XmlTypeCode.Integer or XmlTypeCode.NonNegativeInteger or XmlTypeCode.PositiveInteger
            or XmlTypeCode.NegativeInteger or XmlTypeCode.NonPositiveInteger => "long",
        XmlTypeCode.Short => "short",
        XmlTypeCode.Byte => "sbyte",
        XmlTypeCode.UnsignedByte => "byte",
        XmlTypeCode.UnsignedShort => "ushort",
        XmlTypeCode.UnsignedInt => "uint",
        XmlTypeCode.UnsignedLong => "ulong",
        _ => null,
    };

    private TypeRef MapEnum(XmlSchemaSimpleType type, XmlSchemaObject where, string usage)
    {
        if (type.QualifiedName.IsEmpty)
            throw Error(where, $"{usage} declares an anonymous enumeration: declare it as a named xs:simpleType and refer to it");

        var code = type.Datatype!.TypeCode;
        var underlying = IntegerClrType(code);
        var isText = BuiltIn(code) is { ClrName: "string" };
        if (underlying is null && !isText)
            throw Error(type, $"enumeration '{type.QualifiedName.Name}' restricts {code}; only text and integer enumerations are supported");

        var result = new DataEnum(ClaimName(type.QualifiedName, type), type.QualifiedName, SchemaDocs.Of(type), IsNumeric: !isText, underlying ?? "int");
        var reference = Register(type.QualifiedName, result);

        var names = new HashSet<string>(StringComparer.Ordinal);
        var facets = ((XmlSchemaSimpleTypeRestriction)type.Content!).Facets.OfType<XmlSchemaEnumerationFacet>().ToList();
        for (var i = 0; i < facets.Count; i++)
        {
            var facet = facets[i];
            var wire = facet.Value ?? "";
            var explicitName = SchemaDocs.AppInfo(facet, WsdlNames.Generator, "EnumMemberName");
            long number;
            string name;
            if (isText)
            {
                name = Identifiers.ToPascal(explicitName ?? wire);
                var declared = SchemaDocs.AppInfo(facet, WsdlNames.Serialization, "EnumerationValue");
                number = i;
                if (declared is not null && !long.TryParse(declared, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
                    throw Error(facet, $"EnumerationValue '{declared}' of '{wire}' in enumeration '{type.QualifiedName.Name}' is not a number");
            }
            else
            {
                if (explicitName is null)
                    throw Error(facet, $"value '{wire}' of integer enumeration '{type.QualifiedName.Name}' needs a C# member name: add <xs:annotation><xs:appinfo><g:EnumMemberName xmlns:g=\"{WsdlNames.Generator}\">Name</g:EnumMemberName></xs:appinfo></xs:annotation>");
                if (!long.TryParse(wire, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
                    throw Error(facet, $"value '{wire}' of integer enumeration '{type.QualifiedName.Name}' is not an integer");
                name = Identifiers.ToPascal(explicitName);
            }
            if (!names.Add(name))
                throw Error(facet, $"enumeration '{type.QualifiedName.Name}' would have two C# members named {name}: give one an EnumMemberName");
            result.Values.Add(new EnumValue(name, wire, number, SchemaDocs.Of(facet)));
        }
        return reference;
    }

    private TypeRef MapComplex(XmlSchemaComplexType type, XmlSchemaObject where, string usage)
    {
        if (type.QualifiedName.IsEmpty)
            throw Error(where, $"{usage} declares an anonymous complex type: declare it as a named xs:complexType and refer to it");
        if (type.QualifiedName == new XmlQualifiedName("anyType", XmlSchema.Namespace))
            throw Error(where, $"{usage} is xs:anyType, which is not supported: give it a concrete type");
        CheckComplexShape(type);

        var sequence = type.Particle as XmlSchemaSequence;
        if (sequence is { Items.Count: 1 } && sequence.Items[0] is XmlSchemaElement { MaxOccurs: > 1 } item)
            return MapCollection(type, item);
        return MapClass(type, sequence);
    }

    /// <summary>Refuses what DataContractSerializer cannot express: attributes, inheritance, mixed content, choices.</summary>
    private void CheckComplexShape(XmlSchemaComplexType type)
    {
        var name = type.QualifiedName.Name;
        if (type.ContentModel is XmlSchemaComplexContent { Content: XmlSchemaComplexContentExtension extension })
            throw Error(type, $"complex type '{name}' extends '{extension.BaseTypeName.Name}': type inheritance (xs:extension) is not supported; repeat the base members in the type");
        if (type.ContentModel is XmlSchemaComplexContent)
            throw Error(type, $"complex type '{name}' uses xs:complexContent restriction, which is not supported");
        if (type.ContentModel is XmlSchemaSimpleContent)
            throw Error(type, $"complex type '{name}' has simple content (text with attributes), which is not supported");
        if (type.Attributes.Count > 0)
        {
            var attribute = type.Attributes[0];
            var attributeName = attribute is XmlSchemaAttribute a ? (a.Name ?? a.RefName.Name) : "group";
            throw Error(attribute, $"complex type '{name}' declares attribute '{attributeName}': XML attributes are not supported (the serializer writes elements only)");
        }
        if (type.AnyAttribute is not null)
            throw Error(type.AnyAttribute, $"complex type '{name}' allows any attribute (xs:anyAttribute), which is not supported");
        if (type.IsMixed)
            throw Error(type, $"complex type '{name}' has mixed content, which is not supported");
        if (type.IsAbstract)
            throw Error(type, $"complex type '{name}' is abstract, which is not supported");
        switch (type.Particle)
        {
            case null:
            case XmlSchemaSequence:
                break;
            case XmlSchemaChoice choice:
                throw Error(choice, $"complex type '{name}' uses xs:choice, which is not supported: use a sequence of optional elements");
            case XmlSchemaAll all:
                throw Error(all, $"complex type '{name}' uses xs:all, which is not supported: use xs:sequence");
            case XmlSchemaGroupRef group:
                throw Error(group, $"complex type '{name}' uses group '{group.RefName.Name}', which is not supported: write the elements out");
            default:
                throw Error(type.Particle, $"complex type '{name}' has a content model that is not supported");
        }
        foreach (var particle in ((XmlSchemaSequence?)type.Particle)?.Items.Cast<XmlSchemaObject>() ?? [])
        {
            switch (particle)
            {
                case XmlSchemaElement:
                    break;
                case XmlSchemaAny any:
                    throw Error(any, $"complex type '{name}' allows any element (xs:any), which is not supported");
                case XmlSchemaChoice choice:
                    throw Error(choice, $"complex type '{name}' uses xs:choice, which is not supported: use a sequence of optional elements");
                case XmlSchemaGroupRef group:
                    throw Error(group, $"complex type '{name}' uses group '{group.RefName.Name}', which is not supported: write the elements out");
                default:
                    throw Error(particle, $"complex type '{name}' nests a sequence in its sequence, which is not supported");
            }
        }
    }

    private TypeRef MapClass(XmlSchemaComplexType type, XmlSchemaSequence? sequence)
    {
        var result = new DataClass(ClaimName(type.QualifiedName, type), type.QualifiedName, SchemaDocs.Of(type));
        var reference = Register(type.QualifiedName, result);
        var properties = new HashSet<string>(StringComparer.Ordinal) { result.ClrName, "ExtensionData" };

        var order = 0;
        foreach (var element in sequence?.Items.OfType<XmlSchemaElement>() ?? [])
        {
            var wire = WireName(element);
            var usage = $"member '{wire.Name}' of type '{type.QualifiedName.Name}'";
            if (wire.Namespace != type.QualifiedName.Namespace)
            {
                throw Error(element, wire.Namespace.Length == 0
                    ? $"{usage} is unqualified: set elementFormDefault=\"qualified\" (the serializer writes members in the type's namespace)"
                    : $"{usage} is in namespace '{wire.Namespace}', not the type's '{type.QualifiedName.Namespace}': members must share their type's namespace");
            }
            CheckSingle(element, usage);
            var memberType = MapElementType(element, usage);
            var property = Identifiers.ToPascal(wire.Name);
            if (property == result.ClrName)
                property += "Value";
            if (!properties.Add(property))
                throw Error(element, $"{usage} would be a second C# property named {property}");
            var target = Referenced(element);
            result.Members.Add(new DataMember(property, wire.Name, order++, memberType, element.MinOccurs == 1, target.IsNillable, SchemaDocs.Of(element) ?? SchemaDocs.Of(target)));
        }
        return reference;
    }

    private TypeRef MapCollection(XmlSchemaComplexType type, XmlSchemaElement item)
    {
        var wire = WireName(item);
        var usage = $"item '{wire.Name}' of collection '{type.QualifiedName.Name}'";
        if (wire.Namespace != type.QualifiedName.Namespace)
            throw Error(item, $"{usage} is not in the collection's namespace (set elementFormDefault=\"qualified\")");
        var itemType = MapElementType(item, usage);
        if (itemType is PrimitiveRef { Shim: not WireShim.None } || itemType is GeneratedRef { Type: DataEnum { IsNumeric: true } })
            throw Error(item, $"{usage}: collections of xs:date, xs:time or integer enumerations are not supported");
        var itemNullable = Referenced(item).IsNillable;

        var list = new ListRef(itemType, itemNullable);
        var (defaultName, defaultNamespace) = list.DefaultContract;
        var isDefault = type.QualifiedName.Name == defaultName
            && type.QualifiedName.Namespace == defaultNamespace
            && wire.Name == itemType.DefaultContract.Name
            && !(itemNullable && itemType.IsValueType);
        if (isDefault)
        {
            _mapped[type.QualifiedName] = list;
            return list;
        }

        var collection = new DataCollection(ClaimName(type.QualifiedName, type), type.QualifiedName, SchemaDocs.Of(type), wire.Name, itemType, itemNullable);
        return Register(type.QualifiedName, collection);
    }

    private string ClaimName(XmlQualifiedName schemaName, XmlSchemaObject where)
    {
        var clrName = Identifiers.ToPascal(schemaName.Name);
        if (clrName.StartsWith('@'))
            clrName = clrName[1..] + "Type";
        if (_clrNames.TryGetValue(clrName, out var other))
            throw Error(where, $"types '{schemaName}' and '{other}' would both be the C# type {clrName} (C# names are compared ignoring case, as file names are)");
        _clrNames.Add(clrName, schemaName);
        return clrName;
    }

    private GeneratedRef Register(XmlQualifiedName name, DataType type)
    {
        var reference = new GeneratedRef(type) { Namespace = _clrNamespace };
        _mapped[name] = reference;
        _types.Add(type);
        return reference;
    }
}
