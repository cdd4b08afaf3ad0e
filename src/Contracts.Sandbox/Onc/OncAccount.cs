using System.Xml;
using System.Xml.Linq;
using static Contracts.Sandbox.Onc.OncSandboxErrorCodes;

namespace Contracts.Sandbox.Onc;

/// <summary>
/// The campaigns and contacts of the simulated account, kept in their canonical data-contract form, and the rules the
/// vendor document states for changing them: AddCampaignContact ignores StatusCode (0 "do not try" for a blank
/// destination, 1 "pending" otherwise) and LastDeliveryErrorCode, UpdateCampaignContact keeps both, RetryCount is
/// 0 to 255. Where the document is silent the sandbox decides, and says so: the service sets CreationDateUtc, an
/// empty ID gets a new one, an ID already taken is refused, deleting a campaign deletes its contacts.
/// </summary>
internal sealed class OncAccount
{
    private static readonly XNamespace Dc = OncSoap.DataContracts;
    private static readonly string[] Channels = ["EmailCommInfo", "SMSCommInfo", "VoiceCommInfo"];

    private readonly Lock _gate = new();
    private readonly OrderedDictionary<Guid, XElement> _campaigns = [];
    private readonly OrderedDictionary<Guid, XElement> _contacts = [];

    /// <summary>Replaces everything with the configured campaigns and contacts.</summary>
    public void Load(OncSandboxOptions options)
    {
        lock (_gate)
        {
            _campaigns.Clear();
            _contacts.Clear();
            foreach (var campaign in options.Campaigns)
                _campaigns[campaign.Id] = FromOptions(campaign);
            foreach (var contact in options.Contacts)
                _contacts[contact.Id] = FromOptions(contact);
        }
    }

    public IReadOnlyList<Guid> CampaignIds()
    {
        lock (_gate)
            return _campaigns.Keys.ToList();
    }

    public IReadOnlyList<XElement> Campaigns()
    {
        lock (_gate)
            return _campaigns.Values.Select(Copy).ToList();
    }

    public XElement? Campaign(Guid id)
    {
        lock (_gate)
            return _campaigns.TryGetValue(id, out var campaign) ? Copy(campaign) : null;
    }

    public int AddCampaign(XElement? campaign, DateTime nowUtc)
    {
        if (campaign is null)
            return InvalidValue;
        var stored = new XElement(OncContracts.CampaignItem, campaign.Elements());
        var id = IdOf(stored, "ID");
        if (id == Guid.Empty)
            id = Guid.NewGuid();
        Set(stored, "ID", id.ToString("D"));
        Set(stored, "CreationDateUtc", XmlConvert.ToString(nowUtc, XmlDateTimeSerializationMode.Utc));
        lock (_gate)
            return _campaigns.TryAdd(id, stored) ? Success : AlreadyExists;
    }

    public int UpdateCampaign(XElement? campaign)
    {
        if (campaign is null)
            return InvalidValue;
        var stored = new XElement(OncContracts.CampaignItem, campaign.Elements());
        var id = IdOf(stored, "ID");
        lock (_gate)
        {
            if (!_campaigns.TryGetValue(id, out var current))
                return NotFound;
            // The creation date is the service's, not the caller's.
            Set(stored, "CreationDateUtc", (string)current.Element(Dc + "CreationDateUtc")!);
            _campaigns[id] = stored;
            return Success;
        }
    }

    public int DeleteCampaign(Guid id)
    {
        lock (_gate)
        {
            if (!_campaigns.Remove(id))
                return NotFound;
            foreach (var contact in _contacts.Where(c => IdOf(c.Value, "CampaignId") == id).Select(c => c.Key).ToList())
                _contacts.Remove(contact);
            return Success;
        }
    }

    /// <summary>The contacts of a campaign, or null when there is no such campaign.</summary>
    public IReadOnlyList<XElement>? Contacts(Guid campaignId)
    {
        lock (_gate)
        {
            if (!_campaigns.ContainsKey(campaignId))
                return null;
            return _contacts.Values.Where(c => IdOf(c, "CampaignId") == campaignId).Select(Copy).ToList();
        }
    }

    public int AddContact(XElement? contact)
    {
        if (contact is null || !RetryCountsValid(contact))
            return InvalidValue;
        var stored = new XElement(OncContracts.ContactItem, contact.Elements());
        var id = IdOf(stored, "Id");
        if (id == Guid.Empty)
            id = Guid.NewGuid();
        Set(stored, "Id", id.ToString("D"));
        foreach (var channel in Channels)
            SetStatusOfNew(stored.Element(Dc + channel)!);
        lock (_gate)
        {
            if (!_campaigns.ContainsKey(IdOf(stored, "CampaignId")))
                return NotFound;
            return _contacts.TryAdd(id, stored) ? Success : AlreadyExists;
        }
    }

    public int UpdateContact(XElement? contact)
    {
        if (contact is null || !RetryCountsValid(contact))
            return InvalidValue;
        var stored = new XElement(OncContracts.ContactItem, contact.Elements());
        var id = IdOf(stored, "Id");
        lock (_gate)
        {
            if (!_contacts.TryGetValue(id, out var current) || IdOf(current, "CampaignId") != IdOf(stored, "CampaignId"))
                return NotFound;
            foreach (var channel in Channels)
            {
                var updated = stored.Element(Dc + channel)!;
                var before = current.Element(Dc + channel)!;
                if (IsNil(before))
                {
                    SetStatusOfNew(updated);
                }
                else if (!IsNil(updated))
                {
                    Set(updated, "StatusCode", (string)before.Element(Dc + "StatusCode")!);
                    Set(updated, "LastDeliveryErrorCode", (string)before.Element(Dc + "LastDeliveryErrorCode")!);
                }
            }
            _contacts[id] = stored;
            return Success;
        }
    }

    public int DeleteContact(Guid campaignId, Guid contactId)
    {
        lock (_gate)
        {
            if (!_contacts.TryGetValue(contactId, out var current) || IdOf(current, "CampaignId") != campaignId)
                return NotFound;
            _contacts.Remove(contactId);
            return Success;
        }
    }

    /// <summary>Adds a campaign with this ID and every field set unless there is one (for provider states).</summary>
    public void EnsureCampaign(Guid id)
    {
        lock (_gate)
        {
            if (!_campaigns.ContainsKey(id))
                _campaigns[id] = CompleteCampaign(id);
        }
    }

    /// <summary>Adds a contact with this ID, reachable on every channel, to the campaign unless there is one (for provider states).</summary>
    public void EnsureContact(Guid campaignId, Guid contactId)
    {
        EnsureCampaign(campaignId);
        lock (_gate)
        {
            if (!_contacts.ContainsKey(contactId))
                _contacts[contactId] = CompleteContact(campaignId, contactId);
        }
    }

    /// <summary>Removes every campaign and contact (for provider states).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _campaigns.Clear();
            _contacts.Clear();
        }
    }

    public int ContactCount(Guid campaignId)
    {
        lock (_gate)
            return _contacts.Values.Count(c => IdOf(c, "CampaignId") == campaignId);
    }

    private static XElement FromOptions(OncSandboxCampaign campaign)
    {
        var sms = campaign.SmsFromNumber is null ? null
            : OncContracts.SmsInfo.Create(Dc + "x", ("Enabled", true), ("FromNumber", campaign.SmsFromNumber), ("TextToSend", campaign.SmsText));
        var voice = campaign.VoiceCallingNumber is null ? null
            : OncContracts.VoiceInfo.Create(Dc + "x", ("Enabled", true), ("CallingNumber", campaign.VoiceCallingNumber), ("TextToSpeak", campaign.VoiceText),
                ("DialMsTimeout", 30_000), ("MaxDeliveryRetries", 2), ("MaxTextPlays", 2), ("RetryMinutesInterval", 15));
        var email = campaign.EmailFrom is null ? null
            : OncContracts.EmailInfo.Create(Dc + "x", ("Enabled", true), ("FromEmail", campaign.EmailFrom), ("Subject", campaign.EmailSubject), ("HtmlContent", campaign.EmailHtml));
        return OncContracts.Campaign.Create(OncContracts.CampaignItem,
            ("ID", campaign.Id),
            ("ShortName", campaign.ShortName),
            ("Description", campaign.Description),
            ("IsPaused", campaign.IsPaused),
            ("CreationDateUtc", DateTime.SpecifyKind(campaign.CreationDateUtc, DateTimeKind.Utc)),
            ("OutboundSMSNotificationInfo", sms),
            ("OutboundVoiceNotificationInfo", voice),
            ("OutboundEmailNotificationInfo", email),
            ("SmsNotificationRequired", sms is not null),
            ("VoiceNotificationRequired", voice is not null),
            ("EmailNotificationRequired", email is not null));
    }

    private static XElement FromOptions(OncSandboxContact contact)
    {
        XElement? Channel(string? destination) => destination is null ? null
            : OncContracts.CommunicationInfo.Create(Dc + "x", ("Destination", destination), ("RetryCount", 3), ("StatusCode", 1));
        return OncContracts.Contact.Create(OncContracts.ContactItem,
            ("Id", contact.Id),
            ("CampaignId", contact.CampaignId),
            ("SMSCommInfo", Channel(contact.SmsDestination)),
            ("VoiceCommInfo", Channel(contact.VoiceDestination)),
            ("EmailCommInfo", Channel(contact.EmailDestination)));
    }

    private static XElement CompleteCampaign(Guid id)
    {
        const string text = "Your appointment is tomorrow at 10:00.";
        return OncContracts.Campaign.Create(OncContracts.CampaignItem,
            ("ActiveFromDate", new DateTime(2025, 1, 1)),
            ("ActiveFromTime", TimeSpan.FromHours(9)),
            ("ActiveToDate", new DateTime(2025, 12, 31)),
            ("ActiveToTime", new TimeSpan(17, 30, 0)),
            ("AllowAddingContactsFromExternalApps", true),
            ("CreationDateUtc", new DateTime(2025, 1, 6, 9, 30, 0, DateTimeKind.Utc)),
            ("Description", "Reminders by SMS, voice and email"),
            ("EmailNotificationRequired", false),
            ("ID", id),
            ("IsPaused", false),
            ("OutboundEmailNotificationInfo", OncContracts.EmailInfo.Create(Dc + "x", ("Enabled", true), ("FromEmail", "reminders@example.com"), ("HtmlContent", $"<p>{text}</p>"), ("Subject", "Appointment reminder"))),
            ("OutboundSMSNotificationInfo", OncContracts.SmsInfo.Create(Dc + "x", ("Enabled", true), ("FromNumber", "+15550100100"), ("TextToSend", text))),
            ("OutboundVoiceNotificationInfo", OncContracts.VoiceInfo.Create(Dc + "x", ("CallingName", "Reminders"), ("CallingNumber", "+15550100200"), ("DialMsTimeout", 30_000),
                ("Enabled", true), ("MaxDeliveryRetries", 2), ("MaxTextPlays", 2), ("RetryMinutesInterval", 15), ("TTSVoiceName", "en-US-Female"), ("TextToSpeak", text))),
            ("ProgressWSEndpoint", "https://example.com/onc/progress"),
            ("ShortName", "Reminders"),
            ("SmsNotificationRequired", true),
            ("VoiceNotificationRequired", false));
    }

    private static XElement CompleteContact(Guid campaignId, Guid contactId)
    {
        XElement Channel(string destination) => OncContracts.CommunicationInfo.Create(Dc + "x",
            ("Destination", destination), ("LastDeliveryErrorCode", 0), ("RetryCount", 3), ("StatusCode", 1), ("TextToSendOverwrite", "See you tomorrow."));
        return OncContracts.Contact.Create(OncContracts.ContactItem,
            ("CampaignId", campaignId),
            ("EmailCommInfo", Channel("ada@example.com")),
            ("Id", contactId),
            ("SMSCommInfo", Channel("+15550100001")),
            ("VoiceCommInfo", Channel("+15550100001")));
    }

    private static bool RetryCountsValid(XElement contact)
        => Channels.Select(channel => contact.Element(Dc + channel)!)
            .Where(info => !IsNil(info))
            .All(info => XmlConvert.ToInt32((string)info.Element(Dc + "RetryCount")!) is >= 0 and <= 255);

    private static void SetStatusOfNew(XElement info)
    {
        if (IsNil(info))
            return;
        Set(info, "StatusCode", string.IsNullOrWhiteSpace(Text(info, "Destination")) ? "0" : "1");
        Set(info, "LastDeliveryErrorCode", "0");
    }

    private static Guid IdOf(XElement element, string member) => Guid.Parse((string)element.Element(Dc + member)!);

    private static string? Text(XElement element, string member)
        => element.Element(Dc + member) is { } value && !IsNil(value) ? value.Value : null;

    private static bool IsNil(XElement element) => element.Attribute(OncSoap.Instance + "nil")?.Value == "true";

    private static void Set(XElement element, string member, string value) => element.Element(Dc + member)!.Value = value;

    private static XElement Copy(XElement element) => new(element);
}
