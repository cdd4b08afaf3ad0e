namespace Contracts.WsdlGenerator.Tests;

/// <summary>What the generator does not support fails generation with the file, the line and the construct named.</summary>
public sealed class RefusalTests
{
    private const string Display = "contracts/probe.wsdl";

    public static TheoryData<string, ProbeContract, string, string> Unsupported() => new()
    {
        {
            "xs:choice", new ProbeContract { Types = Type("<xs:choice>\n<xs:element name=\"A\" type=\"xs:string\"/>\n</xs:choice>", sequence: false) },
            "<xs:choice>", "complex type 'Thing' uses xs:choice"
        },
        {
            "attribute", new ProbeContract { Types = Type("<xs:sequence/>\n<xs:attribute name=\"lang\" type=\"xs:string\"/>", sequence: false) },
            "<xs:attribute name=\"lang\"", "declares attribute 'lang'"
        },
        {
            "inheritance", new ProbeContract { Types = "<xs:complexType name=\"Base\"><xs:sequence/></xs:complexType>\n<xs:complexType name=\"Thing\">\n<xs:complexContent><xs:extension base=\"d:Base\"><xs:sequence/></xs:extension></xs:complexContent></xs:complexType>" },
            "<xs:complexType name=\"Thing\">", "complex type 'Thing' extends 'Base'"
        },
        {
            "xs:any", new ProbeContract { Types = Type("<xs:any namespace=\"##other\"/>") },
            "<xs:any", "allows any element (xs:any)"
        },
        {
            "anonymous member type", new ProbeContract { Types = Type("<xs:element name=\"Inline\">\n<xs:complexType><xs:sequence/></xs:complexType></xs:element>") },
            "<xs:element name=\"Inline\">", "member 'Inline' of type 'Thing' declares an anonymous type"
        },
        {
            "repeated member", new ProbeContract { Types = Type("<xs:element name=\"Name\" type=\"xs:string\"/>\n<xs:element name=\"Tag\" maxOccurs=\"unbounded\" type=\"xs:string\"/>") },
            "name=\"Tag\"", "member 'Tag' of type 'Thing' repeats"
        },
        {
            "unqualified members", new ProbeContract { ElementForm = "unqualified" },
            "name=\"Name\"", "member 'Name' of type 'Thing' is unqualified"
        },
        {
            "integer enumeration without names", new ProbeContract { Request = "<xs:element name=\"level\" type=\"d:Level\"/>", Types = "<xs:simpleType name=\"Level\"><xs:restriction base=\"xs:int\">\n<xs:enumeration value=\"3\"/>\n</xs:restriction></xs:simpleType>" },
            "<xs:enumeration value=\"3\"/>", "value '3' of integer enumeration 'Level' needs a C# member name"
        },
        {
            "xs:list", new ProbeContract { Types = "<xs:simpleType name=\"Codes\">\n<xs:list itemType=\"xs:int\"/></xs:simpleType>\n" + Type("<xs:element name=\"Codes\" type=\"d:Codes\"/>") },
            "<xs:simpleType name=\"Codes\">", "xs:list types are not supported"
        },
        {
            "xs:hexBinary", new ProbeContract { Types = Type("<xs:element name=\"Blob\" type=\"xs:hexBinary\"/>") },
            "name=\"Blob\"", "member 'Blob' of type 'Thing': the XML Schema type HexBinary is not supported"
        },
        {
            "untyped member", new ProbeContract { Types = Type("<xs:element name=\"Anything\"/>") },
            "name=\"Anything\"", "member 'Anything' of type 'Thing' is xs:anyType"
        },
        {
            "rpc style", new ProbeContract { BindingStyle = " style=\"rpc\"" },
            "<soap:binding", "binding 'B' is rpc-style"
        },
        {
            "encoded body", new ProbeContract { InputBody = "<soap:body use=\"encoded\"/>" },
            "use=\"encoded\"", "the input of operation 'Probe' is use=\"encoded\""
        },
        {
            "soap header", new ProbeContract { InputBody = "<soap:body use=\"literal\"/><soap:header message=\"tns:In\" part=\"parameters\" use=\"literal\"/>" },
            "<soap:header", "has a SOAP header (soap:header)"
        },
        {
            "wsdl:fault", new ProbeContract { PortTypeExtra = "<wsdl:fault name=\"Oops\" message=\"tns:Out\"/>" },
            "<wsdl:fault", "declares wsdl:fault 'Oops'"
        },
        {
            "several results", new ProbeContract { Response = "<xs:element name=\"ProbeResult\" type=\"xs:int\"/>\n<xs:element name=\"Extra\" type=\"xs:int\"/>" },
            "name=\"Extra\"", "several results (out parameters) are not supported"
        },
        {
            "misnamed request wrapper", new ProbeContract { InputElement = "tns:ProbeResponse" },
            "<xs:element name=\"ProbeResponse\">", "document/literal wrapped needs it named after the operation"
        },
        {
            "wsdl:import", new ProbeContract { Top = "<wsdl:import namespace=\"urn:other\" location=\"other.wsdl\"/>" },
            "<wsdl:import", "wsdl:import is not supported"
        },
        {
            "SOAP 1.2 only", new ProbeContract { Binding = "<soap12:binding transport=\"http://schemas.xmlsoap.org/soap/http\"/>" },
            "<wsdl:portType name=\"IProbe\">", "port type 'IProbe' has no SOAP 1.1 binding"
        },
        {
            "undefined type", new ProbeContract { Types = Type("<xs:element name=\"Ghost\" type=\"d:Missing\"/>") },
            "name=\"Ghost\"", "invalid schema"
        },
        {
            "two types one C# name", new ProbeContract { Types = Type("<xs:element name=\"Other\" type=\"d:thing\"/>") + "\n<xs:complexType name=\"thing\"><xs:sequence/></xs:complexType>" },
            "<xs:complexType name=\"thing\">", "would both be the C# type Thing"
        },
        {
            "idempotent not a boolean", new ProbeContract { OperationAttributes = " sdk:idempotent=\"yes\"" },
            "sdk:idempotent=\"yes\"", "operation 'Probe' has idempotent=\"yes\"; it must be true or false"
        },
        {
            "idempotent on the binding", new ProbeContract { BindingOperationAttributes = " sdk:idempotent=\"true\"" },
            "sdk:idempotent=\"true\"", "put it on the port type's wsdl:operation"
        },
        {
            "unknown extension attribute", new ProbeContract { OperationAttributes = " sdk:idempotant=\"true\"" },
            "sdk:idempotant", "unknown attribute 'idempotant' of urn:contracts-sdk:extensions"
        },
        {
            "remote schemaLocation", new ProbeContract { Types = "<xs:include schemaLocation=\"http://schemas.invalid/types.xsd\"/>\n" + Type("<xs:element name=\"Name\" type=\"xs:string\"/>") },
            "<xs:include", "http://schemas.invalid/types.xsd"
        },
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void Unsupported_construct_fails_with_file_line_and_construct(string construct, ProbeContract contract, string markerOnLine, string expected)
    {
        var path = contract.WriteToTempFile();

        var error = Assert.Throws<WsdlGenerationException>(() => Generator.Generate(new GeneratorOptions(path, Display, "Probe")));

        Assert.True(error.Problem.Contains(expected, StringComparison.Ordinal), $"{construct}: '{error.Problem}' does not say '{expected}'");
        Assert.Equal(Display, error.File);
        Assert.Equal(contract.LineOf(markerOnLine), error.Line);
        Assert.StartsWith($"{Display}({error.Line},", error.Message, StringComparison.Ordinal);
        Assert.Contains(": error WSDLGEN: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unmodified_probe_contract_generates()
    {
        var files = Generator.Generate(new GeneratorOptions(new ProbeContract().WriteToTempFile(), Display, "Probe"));

        Assert.Equal(["IProbe.g.cs", "ProbeAnswerShapes.g.cs", "ProbeClient.g.cs", "ProbeDirectClient.g.cs", "ProbeOperations.g.cs", "Thing.g.cs"], files.Select(f => f.Name));
    }

    [Fact]
    public void Malformed_xml_and_a_missing_file_are_reported_with_the_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wsdlgen-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var broken = Path.Combine(folder, "broken.wsdl");
        File.WriteAllText(broken, "<wsdl:definitions xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\">\n<unclosed>\n</wsdl:definitions>");

        var malformed = Assert.Throws<WsdlGenerationException>(() => Generator.Generate(new GeneratorOptions(broken, Display, "Probe")));
        var missing = Assert.Throws<WsdlGenerationException>(() => Generator.Generate(new GeneratorOptions(Path.Combine(folder, "none.wsdl"), Display, "Probe")));

        Assert.StartsWith($"{Display}(3,", malformed.Message, StringComparison.Ordinal);
        Assert.Contains("not well-formed", malformed.Message, StringComparison.Ordinal);
        Assert.Equal($"{Display}: error WSDLGEN: the contract file does not exist", missing.Message);
    }

    private static string Type(string content, bool sequence = true)
        => sequence
            ? $"<xs:complexType name=\"Thing\">\n<xs:sequence>\n{content}\n</xs:sequence>\n</xs:complexType>"
            : $"<xs:complexType name=\"Thing\">\n{content}\n</xs:complexType>";
}
