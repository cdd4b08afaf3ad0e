using Contracts.Core.Validation;

namespace Contracts.Onc;

/// <summary>
/// What the SDK checks before sending: the rules the vendor document states (a contact's RetryCount is 0 to 255),
/// what no call can succeed without (ids, a campaign for the contact, something to deliver), and that every text can
/// be written in XML 1.0 (no control character other than tab, line feed and carriage return, no lone surrogate, no
/// U+FFFE or U+FFFF). A break is reported before anything is sent.
/// </summary>
public static class OncRules
{
    /// <summary>Why <paramref name="contact"/> cannot be added, or null when it can.</summary>
    public static string? CheckNewContact(OutboundNotificationContactInfo? contact)
    {
        if (contact is null)
            return "the contact is null.";
        if (contact.CampaignId == Guid.Empty)
            return "CampaignId is required: it names the campaign the contact is added to.";
        if (contact.SMSCommInfo is null && contact.VoiceCommInfo is null && contact.EmailCommInfo is null)
            return "the contact has no SMSCommInfo, VoiceCommInfo or EmailCommInfo, so there is nothing to deliver.";
        return CheckCommunication(contact.SMSCommInfo, nameof(contact.SMSCommInfo))
            ?? CheckCommunication(contact.VoiceCommInfo, nameof(contact.VoiceCommInfo))
            ?? CheckCommunication(contact.EmailCommInfo, nameof(contact.EmailCommInfo))
            ?? CheckTexts(contact);
    }

    /// <summary>Why <paramref name="contact"/> cannot be updated, or null when it can.</summary>
    public static string? CheckExistingContact(OutboundNotificationContactInfo? contact)
    {
        if (contact is not null && contact.Id == Guid.Empty)
            return "Id is required: it names the contact to update.";
        return CheckNewContact(contact);
    }

    /// <summary>Why <paramref name="campaign"/> cannot be sent, or null when it can.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="requireId">True for an update, which names the campaign by its ID.</param>
    public static string? CheckCampaign(OutboundNotificationCampaignInfo? campaign, bool requireId)
    {
        if (campaign is null)
            return "the campaign is null.";
        if (requireId && campaign.ID == Guid.Empty)
            return "ID is required: it names the campaign to update.";
        if (CheckTexts(campaign) is { } text)
            return text;
        if (campaign.OutboundVoiceNotificationInfo is { } voice)
        {
            if (voice.DialMsTimeout < 0)
                return $"OutboundVoiceNotificationInfo.DialMsTimeout must not be negative (got {voice.DialMsTimeout}).";
            if (voice.MaxTextPlays < 0)
                return $"OutboundVoiceNotificationInfo.MaxTextPlays must not be negative (got {voice.MaxTextPlays}).";
            if (voice.MaxDeliveryRetries < 0)
                return $"OutboundVoiceNotificationInfo.MaxDeliveryRetries must not be negative (got {voice.MaxDeliveryRetries}).";
            if (voice.RetryMinutesInterval < 0)
                return $"OutboundVoiceNotificationInfo.RetryMinutesInterval must not be negative (got {voice.RetryMinutesInterval}).";
        }
        return null;
    }

    private static string? CheckCommunication(CommunicationInfo? info, string name)
        => info is { RetryCount: < 0 or > 255 }
            ? $"{name}.RetryCount must be between 0 and 255, as the service documents (got {info.RetryCount})."
            : null;

    /// <summary>Every text of <paramref name="contact"/> must be one XML 1.0 can carry.</summary>
    private static string? CheckTexts(OutboundNotificationContactInfo contact)
        => CheckText(contact.SMSCommInfo?.Destination, "SMSCommInfo.Destination")
            ?? CheckText(contact.SMSCommInfo?.TextToSendOverwrite, "SMSCommInfo.TextToSendOverwrite")
            ?? CheckText(contact.VoiceCommInfo?.Destination, "VoiceCommInfo.Destination")
            ?? CheckText(contact.VoiceCommInfo?.TextToSendOverwrite, "VoiceCommInfo.TextToSendOverwrite")
            ?? CheckText(contact.EmailCommInfo?.Destination, "EmailCommInfo.Destination")
            ?? CheckText(contact.EmailCommInfo?.TextToSendOverwrite, "EmailCommInfo.TextToSendOverwrite");

    /// <summary>Every text of <paramref name="campaign"/> must be one XML 1.0 can carry.</summary>
    private static string? CheckTexts(OutboundNotificationCampaignInfo campaign)
    {
        var email = campaign.OutboundEmailNotificationInfo;
        var sms = campaign.OutboundSMSNotificationInfo;
        var voice = campaign.OutboundVoiceNotificationInfo;
        return CheckText(campaign.ShortName, nameof(campaign.ShortName))
            ?? CheckText(campaign.Description, nameof(campaign.Description))
            ?? CheckText(campaign.ProgressWSEndpoint, nameof(campaign.ProgressWSEndpoint))
            ?? CheckText(email?.FromEmail, "OutboundEmailNotificationInfo.FromEmail")
            ?? CheckText(email?.Subject, "OutboundEmailNotificationInfo.Subject")
            ?? CheckText(email?.HtmlContent, "OutboundEmailNotificationInfo.HtmlContent")
            ?? CheckText(sms?.FromNumber, "OutboundSMSNotificationInfo.FromNumber")
            ?? CheckText(sms?.TextToSend, "OutboundSMSNotificationInfo.TextToSend")
            ?? CheckText(voice?.CallingName, "OutboundVoiceNotificationInfo.CallingName")
            ?? CheckText(voice?.CallingNumber, "OutboundVoiceNotificationInfo.CallingNumber")
            ?? CheckText(voice?.TTSVoiceName, "OutboundVoiceNotificationInfo.TTSVoiceName")
            ?? CheckText(voice?.TextToSpeak, "OutboundVoiceNotificationInfo.TextToSpeak");
    }

    private static string? CheckText(string? value, string name)
        => XmlText.Problem(value) is { } problem ? $"{name} {problem}." : null;

    /// <summary>Throws <see cref="InvalidRequestException"/> naming <paramref name="parameter"/> when <paramref name="problem"/> is set.</summary>
    internal static void ThrowIf(string? problem, string parameter)
    {
        if (problem is not null)
            throw new InvalidRequestException($"{char.ToUpperInvariant(problem[0])}{problem[1..]} Nothing was sent.", parameter);
    }
}
