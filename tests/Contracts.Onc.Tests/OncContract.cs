using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Contracts.Onc.Tests;

/// <summary>contracts/onc/onc.wsdl, its namespaces and its compiled schema, for validating what goes over the wire.</summary>
internal static class OncContract
{
    public static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Tempuri = "http://tempuri.org/";
    public static readonly XNamespace Dc = "http://schemas.datacontract.org/2004/07/ONC";
    public static readonly XNamespace Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    public static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";
    public const string ActionPrefix = "http://tempuri.org/IOutboundNotificationsCampaignsService/";

    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "onc.wsdl");

    public static XDocument Load() => XDocument.Load(Path, LoadOptions.SetLineInfo);

    /// <summary>
    /// The operations the WSDL binding declares: name, SOAP action, and the elements of the input and output messages
    /// (read through the port type and the messages, as a SOAP toolkit reads them).
    /// </summary>
    public static IReadOnlyList<WsdlOperation> Operations()
    {
        var wsdl = Load().Root!;
        var soap = XNamespace.Get("http://schemas.xmlsoap.org/wsdl/soap/");
        XName Resolve(XElement at, string qualifiedName)
        {
            var parts = qualifiedName.Split(':', 2);
            return parts.Length == 1 ? XName.Get(parts[0]) : at.GetNamespaceOfPrefix(parts[0])! + parts[1];
        }
        XName PartElement(XElement portOperation, string direction)
        {
            var io = portOperation.Element(Wsdl + direction)!;
            var message = Resolve(io, (string)io.Attribute("message")!);
            var declared = wsdl.Elements(Wsdl + "message").Single(m => (string)m.Attribute("name")! == message.LocalName);
            var part = declared.Element(Wsdl + "part")!;
            return Resolve(part, (string)part.Attribute("element")!);
        }

        var portType = wsdl.Element(Wsdl + "portType")!;
        return wsdl.Element(Wsdl + "binding")!.Elements(Wsdl + "operation").Select(bound =>
        {
            var name = (string)bound.Attribute("name")!;
            var declared = portType.Elements(Wsdl + "operation").Single(o => (string)o.Attribute("name")! == name);
            return new WsdlOperation(name, (string)bound.Element(soap + "operation")!.Attribute("soapAction")!, PartElement(declared, "input"), PartElement(declared, "output"));
        }).ToList();
    }

    private static readonly Lazy<XmlSchemaSet> CompiledSchemas = new(() => CompileSchemas(out var problems) is { } set && problems.Count == 0
        ? set
        : throw new InvalidOperationException(string.Join('\n', problems)));

    public static XmlSchemaSet Schemas => CompiledSchemas.Value;

    /// <summary>Compiles wsdl:types with System.Xml.Schema; every error and warning is returned.</summary>
    public static XmlSchemaSet CompileSchemas(out List<string> problems)
    {
        var found = new List<string>();
        var set = new XmlSchemaSet();
        set.ValidationEventHandler += (_, e) => found.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        foreach (var schema in Load().Root!.Element(Wsdl + "types")!.Elements(Xsd + "schema"))
            set.Add(XmlSchema.Read(schema.CreateReader(), (_, e) => found.Add($"{e.Severity}: {e.Message}"))!);
        set.Compile();
        problems = found;
        return set;
    }

    /// <summary>Every error and warning validating <paramref name="element"/> against the contract's schema.</summary>
    public static List<string> Validate(XElement element)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(element.ToString()), settings);
        while (reader.Read())
        {
        }
        return problems;
    }
}

/// <summary>One operation of the WSDL binding: its SOAP action and the wrapper elements of its request and response.</summary>
internal sealed record WsdlOperation(string Name, string SoapAction, XName Input, XName Output);
