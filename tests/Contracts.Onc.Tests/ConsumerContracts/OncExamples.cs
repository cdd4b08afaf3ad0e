namespace Contracts.Onc.Tests.ConsumerContracts;

/// <summary>
/// The example values of the ONC contract: what the Pact file shows, what the mock server answers, what the tests
/// pass to the client and expect back. Fixed, so the Pact file is the same on every run.
/// </summary>
internal static class OncExamples
{
    public const string AccountId = "pact-account-42";
    public const string UserName = "pact-api-user";
    public const string Password = "pact-example-password";
    public const string SessionId = "pact-session-5b1f0c2e9a7d";

    public static readonly Guid CampaignId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    public static readonly Guid UnknownCampaignId = Guid.Parse("9b2e4c61-3f7a-4d58-8e0b-1c6d2a7f5e93");
    public static readonly Guid ContactId = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    /// <summary>A campaign with every field and all three delivery parts set.</summary>
    public static OutboundNotificationCampaignInfo Campaign() => new()
    {
        ActiveFromDate = new DateTime(2025, 9, 1),
        ActiveFromTime = new TimeSpan(9, 0, 0),
        ActiveToDate = new DateTime(2025, 11, 30),
        ActiveToTime = new TimeSpan(17, 30, 0),
        AllowAddingContactsFromExternalApps = true,
        CreationDateUtc = new DateTime(2025, 8, 1, 12, 0, 0, DateTimeKind.Utc),
        Description = "Autumn sale reminders",
        EmailNotificationRequired = false,
        ID = CampaignId,
        IsPaused = false,
        OutboundEmailNotificationInfo = new OutboundEmailNotificationInfo { Enabled = true, FromEmail = "news@example.com", HtmlContent = "<p>The autumn sale starts today.</p>", Subject = "Autumn sale" },
        OutboundSMSNotificationInfo = new OutboundSMSNotificationInfo { Enabled = true, FromNumber = "+15550100", TextToSend = "The autumn sale starts today." },
        OutboundVoiceNotificationInfo = new OutboundVoiceNotificationInfo
        {
            CallingName = "ACME",
            CallingNumber = "+15550101",
            DialMsTimeout = 25000,
            Enabled = true,
            MaxDeliveryRetries = 2,
            MaxTextPlays = 1,
            RetryMinutesInterval = 10,
            TTSVoiceName = "en-US-Female",
            TextToSpeak = "The autumn sale starts today.",
        },
        ProgressWSEndpoint = "https://example.com/onc/progress",
        ShortName = "Autumn",
        SmsNotificationRequired = true,
        VoiceNotificationRequired = false,
    };

    /// <summary>A contact reached on all three channels, as the service reports it: SMS delivered, voice waiting for a retry, email pending.</summary>
    public static OutboundNotificationContactInfo Contact() => new()
    {
        CampaignId = CampaignId,
        Id = ContactId,
        SMSCommInfo = new CommunicationInfo { Destination = "+15550199", LastDeliveryErrorCode = 0, RetryCount = 2, StatusCode = CommunicationStatusCode.Success, TextToSendOverwrite = "Your order is ready." },
        VoiceCommInfo = new CommunicationInfo { Destination = "+15550199", LastDeliveryErrorCode = 486, RetryCount = 1, StatusCode = CommunicationStatusCode.WaitingForRetry, TextToSendOverwrite = "Your order is ready for pick-up." },
        EmailCommInfo = new CommunicationInfo { Destination = "ada@example.com", LastDeliveryErrorCode = 0, RetryCount = 3, StatusCode = CommunicationStatusCode.Pending, TextToSendOverwrite = "<p>Your order is ready.</p>" },
    };

    /// <summary>A new contact reached by SMS only, the usual case: no voice or email part.</summary>
    public static OutboundNotificationContactInfo SmsContact(Guid id, string destination) => new()
    {
        CampaignId = CampaignId,
        Id = id,
        SMSCommInfo = new CommunicationInfo { Destination = destination, RetryCount = 3, StatusCode = CommunicationStatusCode.Pending, TextToSendOverwrite = "Your order has shipped." },
    };
}
