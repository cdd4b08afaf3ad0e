using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Contracts.Pacts.Matchers;
using static Contracts.Onc.Tests.ConsumerContracts.SoapBody;
using static Contracts.Onc.Tests.OncContract;

namespace Contracts.Onc.Tests.ConsumerContracts;

/// <summary>
/// The SOAP payloads of the ONC contract, written by hand in the contract's namespaces the way a WCF
/// basicHttpBinding service and client write them (wrappers in http://tempuri.org/, data contract members in
/// http://schemas.datacontract.org/2004/07/ONC in ordinal order, nil as i:nil), each value with its shape.
/// Independent of the client's serializer on purpose: the contract must catch what the serializer gets wrong.
/// </summary>
internal static class OncPayloads
{
    /// <summary>An operation's request wrapper, e.g. <c>&lt;GetCampaign xmlns="http://tempuri.org/"&gt;</c>, holding its parameters in order.</summary>
    public static XElement Request(string operation, params object[] parameters) => new(Tempuri + operation, parameters);

    /// <summary>The sessionId parameter every operation but OpenAPISession carries.</summary>
    public static XElement SessionParameter() => Shaped(Tempuri + "sessionId", OncShapes.SessionId, OncExamples.SessionId);

    /// <summary>A GUID parameter (campaignId, contactId).</summary>
    public static XElement GuidParameter(string name, Guid id) => Shaped(Tempuri + name, OncShapes.Guid, Text(id));

    /// <summary>An operation's response wrapper around its result element.</summary>
    public static XElement Response(string operation, XElement result) => new(Tempuri + operation + "Response", result);

    /// <summary>The result element of an operation, e.g. GetCampaignResult.</summary>
    public static XName ResultName(string operation) => Tempuri + operation + "Result";

    /// <summary>A nil result: how the service answers a list (or a campaign) it cannot give.</summary>
    public static XElement NilResult(string operation) => Response(operation, new XElement(ResultName(operation), XsiPrefix, Nil));

    /// <summary>The error code of the operations that answer an int: 0 exactly when it succeeded, a non-zero code's shape otherwise.</summary>
    public static XElement CodeResult(string operation, int code)
        => Response(operation, code == 0
            ? new XElement(ResultName(operation), "0")
            : Shaped(ResultName(operation), OncShapes.FailureCode, Text(code)));

    /// <summary>A list of GUIDs (ArrayOfguid) with at least one item.</summary>
    public static XElement GuidList(string operation, Guid example)
        => Response(operation, new XElement(ResultName(operation), new XAttribute(XNamespace.Xmlns + "b", Arrays.NamespaceName),
            Repeated(Shaped(Arrays + "guid", OncShapes.Guid, Text(example)), min: 1)));

    /// <summary>OpenAPISessionResponse or CloseAPISessionResponse: the ErrorCode, then what goes with it.</summary>
    public static XElement SessionOutcome(string operation, int errorCode, string? description, string? sessionId)
    {
        var result = new XElement(ResultName(operation), DataContractPrefixes);
        if (description is not null)
            result.Add(Shaped(Dc + "Description", OncShapes.Text, description));
        result.Add(errorCode == 0 ? new XElement(Dc + "ErrorCode", "0") : Shaped(Dc + "ErrorCode", OncShapes.FailureCode, Text(errorCode)));
        if (sessionId is not null)
            result.Add(sessionId.Length == 0 ? new XElement(Dc + "SessionId") : Shaped(Dc + "SessionId", OncShapes.SessionId, sessionId));
        return Response(operation, result);
    }

    /// <summary>An OutboundNotificationCampaignInfo under <paramref name="name"/>: every member, in contract order, each with its shape.</summary>
    public static XElement Campaign(XName name, OutboundNotificationCampaignInfo campaign, bool declarePrefixes = true)
    {
        var sms = campaign.OutboundSMSNotificationInfo;
        var voice = campaign.OutboundVoiceNotificationInfo;
        var email = campaign.OutboundEmailNotificationInfo;
        return new XElement(name, declarePrefixes ? DataContractPrefixes : null,
            Member("ActiveFromDate", OncShapes.DateTime, Text(campaign.ActiveFromDate)),
            Member("ActiveFromTime", OncShapes.TimeOfDay, XmlConvert.ToString(campaign.ActiveFromTime)),
            Member("ActiveToDate", OncShapes.DateTime, Text(campaign.ActiveToDate)),
            Member("ActiveToTime", OncShapes.TimeOfDay, XmlConvert.ToString(campaign.ActiveToTime)),
            Member("AllowAddingContactsFromExternalApps", OncShapes.Boolean, Text(campaign.AllowAddingContactsFromExternalApps)),
            Member("CreationDateUtc", OncShapes.DateTime, Text(campaign.CreationDateUtc)),
            Member("Description", OncShapes.Text, campaign.Description),
            Member("EmailNotificationRequired", OncShapes.Boolean, Text(campaign.EmailNotificationRequired)),
            Member("ID", OncShapes.Guid, Text(campaign.ID)),
            Member("IsPaused", OncShapes.Boolean, Text(campaign.IsPaused)),
            Part("OutboundEmailNotificationInfo", email, e =>
            [
                Member("Enabled", OncShapes.Boolean, Text(e.Enabled)),
                Member("FromEmail", OncShapes.Text, e.FromEmail),
                Member("HtmlContent", OncShapes.Text, e.HtmlContent),
                Member("Subject", OncShapes.Text, e.Subject),
            ]),
            Part("OutboundSMSNotificationInfo", sms, s =>
            [
                Member("Enabled", OncShapes.Boolean, Text(s.Enabled)),
                Member("FromNumber", OncShapes.Text, s.FromNumber),
                Member("TextToSend", OncShapes.Text, s.TextToSend),
            ]),
            Part("OutboundVoiceNotificationInfo", voice, v =>
            [
                Member("CallingName", OncShapes.Text, v.CallingName),
                Member("CallingNumber", OncShapes.Text, v.CallingNumber),
                Member("DialMsTimeout", OncShapes.Count, Text(v.DialMsTimeout)),
                Member("Enabled", OncShapes.Boolean, Text(v.Enabled)),
                Member("MaxDeliveryRetries", OncShapes.Count, Text(v.MaxDeliveryRetries)),
                Member("MaxTextPlays", OncShapes.Count, Text(v.MaxTextPlays)),
                Member("RetryMinutesInterval", OncShapes.Count, Text(v.RetryMinutesInterval)),
                Member("TTSVoiceName", OncShapes.Text, v.TTSVoiceName),
                Member("TextToSpeak", OncShapes.Text, v.TextToSpeak),
            ]),
            Member("ProgressWSEndpoint", OncShapes.Text, campaign.ProgressWSEndpoint),
            Member("ShortName", OncShapes.Text, campaign.ShortName),
            Member("SmsNotificationRequired", OncShapes.Boolean, Text(campaign.SmsNotificationRequired)),
            Member("VoiceNotificationRequired", OncShapes.Boolean, Text(campaign.VoiceNotificationRequired)));
    }

    /// <summary>An OutboundNotificationContactInfo under <paramref name="name"/>; a channel the contact does not use is nil.</summary>
    public static XElement Contact(XName name, OutboundNotificationContactInfo contact, bool declarePrefixes = true)
        => new(name, declarePrefixes ? DataContractPrefixes : null,
            Member("CampaignId", OncShapes.Guid, Text(contact.CampaignId)),
            Part("EmailCommInfo", contact.EmailCommInfo, Communication),
            Member("Id", OncShapes.Guid, Text(contact.Id)),
            Part("SMSCommInfo", contact.SMSCommInfo, Communication),
            Part("VoiceCommInfo", contact.VoiceCommInfo, Communication));

    /// <summary>A list of data contracts (ArrayOfX) with at least one item, each shaped like <paramref name="item"/>.</summary>
    public static XElement List(string operation, XElement item)
        => Response(operation, new XElement(ResultName(operation), DataContractPrefixes, Repeated(item, min: 1)));

    private static object[] DataContractPrefixes =>
        [new XAttribute(XNamespace.Xmlns + "a", Dc.NamespaceName), XsiPrefix];

    private static XAttribute XsiPrefix => new(XNamespace.Xmlns + "i", Xsi.NamespaceName);

    private static XAttribute Nil => new(Xsi + "nil", "true");

    private static object[] Communication(CommunicationInfo info) =>
    [
        Member("Destination", OncShapes.Text, info.Destination),
        Member("LastDeliveryErrorCode", OncShapes.Integer, Text(info.LastDeliveryErrorCode)),
        Member("RetryCount", OncShapes.RetryCount, Text(info.RetryCount)),
        Member("StatusCode", OncShapes.StatusCode, Text((int)info.StatusCode)),
        Member("TextToSendOverwrite", OncShapes.Text, info.TextToSendOverwrite),
    ];

    /// <summary>A data contract member: its value with its shape, or nil.</summary>
    private static XElement Member(string name, MatchingRule shape, string? value)
        => value is null ? new XElement(Dc + name, Nil) : Shaped(Dc + name, shape, value);

    /// <summary>A nested data contract (a delivery part, a channel): its members, or nil.</summary>
    private static XElement Part<T>(string name, T? value, Func<T, object[]> members)
        where T : class
        => value is null ? new XElement(Dc + name, Nil) : new XElement(Dc + name, members(value));

    private static string Text(Guid value) => value.ToString("D");

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(bool value) => value ? "true" : "false";

    private static string Text(DateTime value) => XmlConvert.ToString(value, XmlDateTimeSerializationMode.RoundtripKind);
}
