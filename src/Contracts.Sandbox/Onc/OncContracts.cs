using System.Xml.Linq;
using static Contracts.Sandbox.Onc.OncMemberKind;

namespace Contracts.Sandbox.Onc;

/// <summary>
/// The types of contracts/onc/onc.wsdl, written out here on purpose rather than taken from the SDK's generated code:
/// the simulator reads what a client sends with its own idea of the contract, so a client that gets a name, a
/// namespace or an order wrong finds out.
/// </summary>
internal static class OncContracts
{
    private static readonly XNamespace Dc = OncSoap.DataContracts;
    private static readonly XNamespace Service = OncSoap.Service;

    public static readonly OncDataContract CommunicationInfo = new(Dc,
        new("Destination", Text),
        new("LastDeliveryErrorCode", Integer),
        new("RetryCount", Integer),
        new("StatusCode", Integer),
        new("TextToSendOverwrite", Text));

    public static readonly OncDataContract Contact = new(Dc,
        new("CampaignId", Uuid),
        new("EmailCommInfo", Complex, CommunicationInfo),
        new("Id", Uuid),
        new("SMSCommInfo", Complex, CommunicationInfo),
        new("VoiceCommInfo", Complex, CommunicationInfo));

    public static readonly OncDataContract EmailInfo = new(Dc,
        new("Enabled", Bool),
        new("FromEmail", Text),
        new("HtmlContent", Text),
        new("Subject", Text));

    public static readonly OncDataContract SmsInfo = new(Dc,
        new("Enabled", Bool),
        new("FromNumber", Text),
        new("TextToSend", Text));

    public static readonly OncDataContract VoiceInfo = new(Dc,
        new("CallingName", Text),
        new("CallingNumber", Text),
        new("DialMsTimeout", Integer),
        new("Enabled", Bool),
        new("MaxDeliveryRetries", Integer),
        new("MaxTextPlays", Integer),
        new("RetryMinutesInterval", Integer),
        new("TTSVoiceName", Text),
        new("TextToSpeak", Text));

    public static readonly OncDataContract Campaign = new(Dc,
        new("ActiveFromDate", Timestamp),
        new("ActiveFromTime", Duration),
        new("ActiveToDate", Timestamp),
        new("ActiveToTime", Duration),
        new("AllowAddingContactsFromExternalApps", Bool),
        new("CreationDateUtc", Timestamp),
        new("Description", Text),
        new("EmailNotificationRequired", Bool),
        new("ID", Uuid),
        new("IsPaused", Bool),
        new("OutboundEmailNotificationInfo", Complex, EmailInfo),
        new("OutboundSMSNotificationInfo", Complex, SmsInfo),
        new("OutboundVoiceNotificationInfo", Complex, VoiceInfo),
        new("ProgressWSEndpoint", Text),
        new("ShortName", Text),
        new("SmsNotificationRequired", Bool),
        new("VoiceNotificationRequired", Bool));

    public static readonly OncDataContract OpenSessionResult = new(Dc,
        new("Description", Text),
        new("ErrorCode", Integer),
        new("SessionId", Text));

    public static readonly OncDataContract CloseSessionResult = new(Dc,
        new("Description", Text),
        new("ErrorCode", Integer));

    /// <summary>Element names of list items and stored records.</summary>
    public static readonly XName CampaignItem = Dc + "OutboundNotificationCampaignInfo";

    /// <inheritdoc cref="CampaignItem"/>
    public static readonly XName ContactItem = Dc + "OutboundNotificationContactInfo";

    /// <summary>Each operation's request wrapper: its parameters in order, in the service namespace.</summary>
    public static readonly IReadOnlyDictionary<string, OncDataContract> Requests = new Dictionary<string, OncDataContract>(StringComparer.Ordinal)
    {
        ["OpenAPISession"] = new(Service, new("accountId", Text), new("username", Text), new("password", Text)),
        ["CloseAPISession"] = SessionOnly(),
        ["GetCampaignListing"] = SessionOnly(),
        ["GetCampaigns"] = SessionOnly(),
        ["AddCampaign"] = new(Service, new("sessionId", Text), new("campaign", Complex, Campaign)),
        ["GetCampaign"] = SessionAndCampaign(),
        ["UpdateCampaign"] = new(Service, new("sessionId", Text), new("campaign", Complex, Campaign)),
        ["DeleteCampaign"] = SessionAndCampaign(),
        ["GetCampaignContactsListing"] = SessionAndCampaign(),
        ["GetCampaignContacts"] = SessionAndCampaign(),
        ["AddCampaignContact"] = new(Service, new("sessionId", Text), new("contact", Complex, Contact)),
        ["UpdateCampaignContact"] = new(Service, new("sessionId", Text), new("contact", Complex, Contact)),
        ["DeleteCampaignContact"] = new(Service, new("sessionId", Text), new("campaignId", Uuid), new("contactId", Uuid)),
    };

    private static OncDataContract SessionOnly() => new(Service, new OncDataMember("sessionId", Text));

    private static OncDataContract SessionAndCampaign() => new(Service, new("sessionId", Text), new("campaignId", Uuid));
}
