namespace Contracts.Onc.Tests;

/// <summary>Values the fake serves and the tests expect, and XML written by hand in the contract's namespaces.</summary>
internal static class Samples
{
    public static readonly Guid SpringCampaign = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    public static readonly Guid AutumnCampaign = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    public static readonly Guid Contact = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    /// <summary>A campaign as the service would answer it: every field set, members in contract order.</summary>
    public static string CampaignXml(string elementName, Guid id, string shortName) => $"""
        <{elementName} xmlns:a="http://schemas.datacontract.org/2004/07/ONC" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
          <a:ActiveFromDate>2025-01-01T00:00:00</a:ActiveFromDate>
          <a:ActiveFromTime>PT9H</a:ActiveFromTime>
          <a:ActiveToDate>2025-12-31T00:00:00</a:ActiveToDate>
          <a:ActiveToTime>PT17H30M</a:ActiveToTime>
          <a:AllowAddingContactsFromExternalApps>true</a:AllowAddingContactsFromExternalApps>
          <a:CreationDateUtc>2024-11-02T10:20:30Z</a:CreationDateUtc>
          <a:Description>Spring sale reminders</a:Description>
          <a:EmailNotificationRequired>false</a:EmailNotificationRequired>
          <a:ID>{id}</a:ID>
          <a:IsPaused>true</a:IsPaused>
          <a:OutboundEmailNotificationInfo><a:Enabled>true</a:Enabled><a:FromEmail>news@example.com</a:FromEmail><a:HtmlContent>&lt;b&gt;Sale&lt;/b&gt;</a:HtmlContent><a:Subject>Spring</a:Subject></a:OutboundEmailNotificationInfo>
          <a:OutboundSMSNotificationInfo><a:Enabled>true</a:Enabled><a:FromNumber>+15550100</a:FromNumber><a:TextToSend>Sale starts today</a:TextToSend></a:OutboundSMSNotificationInfo>
          <a:OutboundVoiceNotificationInfo><a:CallingName>ACME</a:CallingName><a:CallingNumber>+15550101</a:CallingNumber><a:DialMsTimeout>30000</a:DialMsTimeout><a:Enabled>false</a:Enabled><a:MaxDeliveryRetries>3</a:MaxDeliveryRetries><a:MaxTextPlays>2</a:MaxTextPlays><a:RetryMinutesInterval>15</a:RetryMinutesInterval><a:TTSVoiceName>en-US-Female</a:TTSVoiceName><a:TextToSpeak>The sale starts today</a:TextToSpeak></a:OutboundVoiceNotificationInfo>
          <a:ProgressWSEndpoint>https://example.com/progress</a:ProgressWSEndpoint>
          <a:ShortName>{shortName}</a:ShortName>
          <a:SmsNotificationRequired>true</a:SmsNotificationRequired>
          <a:VoiceNotificationRequired>false</a:VoiceNotificationRequired>
        </{elementName}>
        """;

    /// <summary>A contact as the service would answer it: SMS delivered, voice waiting for a retry, no email.</summary>
    public static string ContactXml(string elementName) => $"""
        <{elementName}>
          <a:CampaignId>{SpringCampaign}</a:CampaignId>
          <a:EmailCommInfo i:nil="true"/>
          <a:Id>{Contact}</a:Id>
          <a:SMSCommInfo><a:Destination>+15550199</a:Destination><a:LastDeliveryErrorCode>0</a:LastDeliveryErrorCode><a:RetryCount>2</a:RetryCount><a:StatusCode>4</a:StatusCode><a:TextToSendOverwrite i:nil="true"/></a:SMSCommInfo>
          <a:VoiceCommInfo><a:Destination>+15550199</a:Destination><a:LastDeliveryErrorCode>486</a:LastDeliveryErrorCode><a:RetryCount>1</a:RetryCount><a:StatusCode>5</a:StatusCode><a:TextToSendOverwrite>Call back</a:TextToSendOverwrite></a:VoiceCommInfo>
        </{elementName}>
        """;

    public static OncClientOptions Options(Uri address, Action<OncClientOptions>? configure = null)
    {
        var options = new OncClientOptions
        {
            BaseUrl = new Uri(address, "ONC/OutboundNotificationsCampaignsService.svc"),
            AccountId = FakeOnc.AccountId,
            UserName = FakeOnc.UserName,
            Password = FakeOnc.Password,
            RetryDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return options;
    }

    public static OutboundNotificationCampaignInfo NewCampaign(Guid id) => new()
    {
        ID = id,
        ShortName = "Autumn",
        Description = "Autumn sale",
        ActiveFromDate = new DateTime(2025, 9, 1),
        ActiveFromTime = new TimeSpan(8, 0, 0),
        ActiveToDate = new DateTime(2025, 11, 30),
        ActiveToTime = new TimeSpan(20, 15, 0),
        CreationDateUtc = new DateTime(2025, 8, 1, 12, 0, 0, DateTimeKind.Utc),
        IsPaused = false,
        AllowAddingContactsFromExternalApps = true,
        SmsNotificationRequired = true,
        OutboundSMSNotificationInfo = new OutboundSMSNotificationInfo { Enabled = true, FromNumber = "+15550100", TextToSend = "Autumn sale" },
        OutboundVoiceNotificationInfo = new OutboundVoiceNotificationInfo { Enabled = true, CallingName = "ACME", CallingNumber = "+15550101", DialMsTimeout = 25000, MaxDeliveryRetries = 2, MaxTextPlays = 1, RetryMinutesInterval = 10, TTSVoiceName = "en-GB", TextToSpeak = "Autumn sale" },
        ProgressWSEndpoint = "https://example.com/progress",
    };

    public static OutboundNotificationContactInfo NewContact(string destination, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        CampaignId = SpringCampaign,
        SMSCommInfo = new CommunicationInfo { Destination = destination, RetryCount = 3, StatusCode = CommunicationStatusCode.Pending, TextToSendOverwrite = "Hi" },
    };
}
