namespace Contracts.WsdlGenerator.Tests;

/// <summary>
/// A one-operation contract (Probe(value: Thing) returns int) with every part replaceable, so each refusal test
/// injects exactly one construct and checks the generator names it, with its file and line.
/// </summary>
public sealed record ProbeContract
{
    public string Request { get; init; } = """<xs:element minOccurs="0" name="value" nillable="true" type="d:Thing"/>""";
    public string Response { get; init; } = """<xs:element minOccurs="0" name="ProbeResult" type="xs:int"/>""";
    public string Types { get; init; } = """
        <xs:complexType name="Thing">
          <xs:sequence>
            <xs:element minOccurs="0" name="Name" nillable="true" type="xs:string"/>
          </xs:sequence>
        </xs:complexType>
        """;
    public string ElementForm { get; init; } = "qualified";
    public string BindingStyle { get; init; } = "";
    public string InputBody { get; init; } = """<soap:body use="literal"/>""";
    public string PortTypeExtra { get; init; } = "";
    public string OperationAttributes { get; init; } = "";
    public string BindingOperationAttributes { get; init; } = "";
    public string Top { get; init; } = "";
    public string Binding { get; init; } = """<soap:binding transport="http://schemas.xmlsoap.org/soap/http"{STYLE}/>""";
    public string InputElement { get; init; } = "tns:Probe";

    public string Text => $$"""
        <?xml version="1.0" encoding="utf-8"?>
        <wsdl:definitions targetNamespace="urn:probe"
            xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
            xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:xs="http://www.w3.org/2001/XMLSchema"
            xmlns:tns="urn:probe" xmlns:d="urn:probe:data" xmlns:g="urn:contracts-sdk:wsdl-generator"
            xmlns:sdk="urn:contracts-sdk:extensions">
        {{Top}}
          <wsdl:types>
            <xs:schema elementFormDefault="qualified" targetNamespace="urn:probe">
              <xs:import namespace="urn:probe:data"/>
              <xs:element name="Probe"><xs:complexType><xs:sequence>
        {{Request}}
              </xs:sequence></xs:complexType></xs:element>
              <xs:element name="ProbeResponse"><xs:complexType><xs:sequence>
        {{Response}}
              </xs:sequence></xs:complexType></xs:element>
            </xs:schema>
            <xs:schema elementFormDefault="{{ElementForm}}" targetNamespace="urn:probe:data">
        {{Types}}
            </xs:schema>
          </wsdl:types>
          <wsdl:message name="In"><wsdl:part name="parameters" element="{{InputElement}}"/></wsdl:message>
          <wsdl:message name="Out"><wsdl:part name="parameters" element="tns:ProbeResponse"/></wsdl:message>
          <wsdl:portType name="IProbe">
            <wsdl:operation name="Probe"{{OperationAttributes}}><wsdl:input message="tns:In"/><wsdl:output message="tns:Out"/>
        {{PortTypeExtra}}
            </wsdl:operation>
          </wsdl:portType>
          <wsdl:binding name="B" type="tns:IProbe">
        {{Binding.Replace("{STYLE}", BindingStyle, StringComparison.Ordinal)}}
            <wsdl:operation name="Probe"{{BindingOperationAttributes}}><soap:operation soapAction="urn:probe/IProbe/Probe"/>
              <wsdl:input>
        {{InputBody}}
              </wsdl:input>
              <wsdl:output><soap:body use="literal"/></wsdl:output>
            </wsdl:operation>
          </wsdl:binding>
        </wsdl:definitions>
        """;

    /// <summary>Keeps test names short: the contract text is in the test's source.</summary>
    public override string ToString() => "probe contract";

    /// <summary>Writes the contract to a temporary file and returns its path.</summary>
    public string WriteToTempFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wsdlgen-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "probe.wsdl");
        File.WriteAllText(path, Text);
        return path;
    }

    /// <summary>The 1-based line of the first line holding <paramref name="marker"/>.</summary>
    public int LineOf(string marker)
        => Text.Split('\n').Select((line, index) => (line, index)).First(l => l.line.Contains(marker, StringComparison.Ordinal)).index + 1;
}
