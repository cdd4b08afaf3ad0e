using System.Xml.Linq;
using System.Xml.Schema;
using static Contracts.Onc.Tests.OncContract;

namespace Contracts.Onc.Tests;

/// <summary>contracts/onc/onc.wsdl: its embedded schema is valid XML Schema and describes every operation and field of the Dynamic Notifications API document.</summary>
public sealed class ContractSchemaTests
{
    [Fact]
    public void Embedded_schema_compiles_without_errors_or_warnings()
    {
        var set = CompileSchemas(out var problems);

        Assert.Empty(problems);
        Assert.True(set.IsCompiled);
        Assert.Equal(4, set.Schemas().Count);
    }

    [Fact]
    public void Every_documented_operation_has_wrapper_elements_an_action_and_a_binding()
    {
        string[] operations =
        [
            "OpenAPISession", "CloseAPISession", "GetCampaignListing", "GetCampaigns", "AddCampaign", "GetCampaign", "UpdateCampaign",
            "DeleteCampaign", "GetCampaignContactsListing", "GetCampaignContacts", "AddCampaignContact", "UpdateCampaignContact", "DeleteCampaignContact",
        ];
        var wsdl = Load().Root!;
        var soap = XNamespace.Get("http://schemas.xmlsoap.org/wsdl/soap/");

        Assert.Equal(operations, wsdl.Element(Wsdl + "portType")!.Elements(Wsdl + "operation").Select(o => (string)o.Attribute("name")!));
        foreach (var operation in operations)
        {
            Assert.NotNull(Schemas.GlobalElements[new(operation, Tempuri.NamespaceName)]);
            Assert.NotNull(Schemas.GlobalElements[new(operation + "Response", Tempuri.NamespaceName)]);
            var bound = wsdl.Element(Wsdl + "binding")!.Elements(Wsdl + "operation").Single(o => (string)o.Attribute("name")! == operation);
            Assert.Equal(ActionPrefix + operation, (string)bound.Element(soap + "operation")!.Attribute("soapAction")!);
        }
    }

    [Theory]
    [InlineData("OutboundNotificationCampaignInfo", "ID CreationDateUtc ShortName Description IsPaused ActiveFromDate ActiveFromTime ActiveToDate ActiveToTime OutboundSMSNotificationInfo OutboundVoiceNotificationInfo OutboundEmailNotificationInfo AllowAddingContactsFromExternalApps SmsNotificationRequired VoiceNotificationRequired EmailNotificationRequired ProgressWSEndpoint")]
    [InlineData("OutboundSMSNotificationInfo", "Enabled FromNumber TextToSend")]
    [InlineData("OutboundVoiceNotificationInfo", "Enabled DialMsTimeout CallingName CallingNumber TextToSpeak TTSVoiceName MaxTextPlays MaxDeliveryRetries RetryMinutesInterval")]
    [InlineData("OutboundEmailNotificationInfo", "Enabled FromEmail Subject HtmlContent")]
    [InlineData("OutboundNotificationContactInfo", "Id CampaignId SMSCommInfo VoiceCommInfo EmailCommInfo")]
    [InlineData("CommunicationInfo", "Destination TextToSendOverwrite StatusCode LastDeliveryErrorCode RetryCount")]
    [InlineData("OpenAPISessionResponse", "ErrorCode Description SessionId")]
    [InlineData("CloseAPISessionResponse", "ErrorCode Description")]
    public void Every_documented_field_is_in_its_type_in_ordinal_order(string type, string documentedFields)
    {
        var complex = Assert.IsType<XmlSchemaComplexType>(Schemas.GlobalTypes[new(type, Dc.NamespaceName)]);
        var members = ((XmlSchemaSequence)complex.Particle!).Items.Cast<XmlSchemaElement>().Select(e => e.Name!).ToList();

        Assert.Equal(documentedFields.Split(' ').Order(StringComparer.Ordinal), members);
    }

    [Fact]
    public void StatusCode_is_an_integer_enumeration_of_the_eight_documented_values()
    {
        var type = Assert.IsType<XmlSchemaSimpleType>(Schemas.GlobalTypes[new("CommunicationStatusCode", Dc.NamespaceName)]);

        Assert.Equal(XmlTypeCode.Int, type.TypeCode);
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7"], ((XmlSchemaSimpleTypeRestriction)type.Content!).Facets.OfType<XmlSchemaEnumerationFacet>().Select(f => f.Value));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], Enum.GetValues<CommunicationStatusCode>().Select(v => (int)v));
    }

    [Fact]
    public void Answers_the_fake_sends_are_valid_against_the_schema()
    {
        var campaign = XElement.Parse(Samples.CampaignXml("GetCampaignResult", Samples.SpringCampaign, "Spring"));
        var answer = new XElement(Tempuri + "GetCampaignResponse", new XElement(Tempuri + "GetCampaignResult", campaign.Attributes(), campaign.Elements()));

        Assert.Empty(Validate(answer));
    }
}
