namespace Contracts.WsdlGenerator.Tests;

/// <summary>
/// The lint names everything a contract leaves undocumented that becomes a public C# member, since its
/// documentation is that member's XML documentation.
/// </summary>
public sealed class DocumentationCheckTests
{
    private const string Display = "contracts/probe.wsdl";

    [Fact]
    public void An_undocumented_contract_has_each_service_operation_parameter_result_type_and_member_named()
    {
        var undocumented = Generator.Undocumented(new GeneratorOptions(new ProbeContract().WriteToTempFile(), Display, "Probe"));

        Assert.Equal(["service IProbe", "operation Probe", "parameter Probe.value", "result Probe.ProbeResult", "type Thing", "member Thing.Name"], undocumented);
    }

    [Fact]
    public void A_documented_member_is_not_named()
    {
        var contract = new ProbeContract
        {
            Types = """
                <xs:complexType name="Thing">
                  <xs:annotation><xs:documentation>A thing.</xs:documentation></xs:annotation>
                  <xs:sequence>
                    <xs:element minOccurs="0" name="Name" nillable="true" type="xs:string">
                      <xs:annotation><xs:documentation>The thing's name.</xs:documentation></xs:annotation>
                    </xs:element>
                  </xs:sequence>
                </xs:complexType>
                """,
        };

        var undocumented = Generator.Undocumented(new GeneratorOptions(contract.WriteToTempFile(), Display, "Probe"));

        Assert.DoesNotContain(undocumented, what => what.StartsWith("type Thing", StringComparison.Ordinal) || what.StartsWith("member Thing", StringComparison.Ordinal));
        Assert.Contains("operation Probe", undocumented);
    }
}
