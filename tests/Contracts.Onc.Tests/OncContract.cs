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
