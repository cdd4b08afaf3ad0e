using System.Xml.Linq;
using static Contracts.Onc.Tests.OncContract;

namespace Contracts.Onc.Tests;

/// <summary>
/// Every operation against the loopback SOAP service: what goes over the wire (action, content type, wrapper,
/// namespaces, values, schema validity) and what the client makes of answers written by hand.
/// </summary>
public sealed class WireTests : FakeOncTests
{
    private OncClient _client = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _client = new OncClient(Onc.Options());
    }

    public override async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task OpenAPISession_sends_the_credentials_and_later_calls_carry_the_session()
    {
        await _client.GetCampaignListingAsync();

        var open = Assert.Single(Onc.CallsTo("OpenAPISession"));
        Assert.Equal(FakeOnc.AccountId, (string?)open.Element(Tempuri + "accountId"));
        Assert.Equal(FakeOnc.UserName, (string?)open.Element(Tempuri + "username"));
        Assert.Equal(FakeOnc.Password, (string?)open.Element(Tempuri + "password"));
        Assert.Equal(["accountId", "username", "password"], open.Elements().Select(e => e.Name.LocalName));
        var listing = Assert.Single(Onc.CallsTo("GetCampaignListing"));
        Assert.Equal(Assert.Single(Onc.IssuedSessions), (string?)listing.Element(Tempuri + "sessionId"));
    }

    [Fact]
    public async Task Requests_are_soap_1_1_with_quoted_actions_and_text_xml()
    {
        await _client.GetCampaignsAsync();

        var requests = Onc.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("text/xml; charset=utf-8", r.Header("Content-Type")));
        Assert.Equal($"\"{ActionPrefix}OpenAPISession\"", requests[0].Header("SOAPAction"));
        Assert.Equal($"\"{ActionPrefix}GetCampaigns\"", requests[1].Header("SOAPAction"));
        Assert.Equal(Soap + "Envelope", XDocument.Parse(requests[1].BodyText).Root!.Name);
        Assert.StartsWith("Contracts.Onc/", requests[1].Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCampaignListing_reads_the_guid_array()
    {
        var ids = await _client.GetCampaignListingAsync();

        Assert.Equal([Samples.SpringCampaign], ids);
    }

    [Fact]
    public async Task GetCampaigns_reads_every_field_of_every_part()
    {
        var campaign = Assert.Single(await _client.GetCampaignsAsync());

        AssertSpring(campaign);
    }

    [Fact]
    public async Task GetCampaign_sends_the_id_and_reads_the_campaign()
    {
        var campaign = await _client.GetCampaignAsync(Samples.SpringCampaign);

        AssertSpring(campaign);
        var request = Assert.Single(Onc.CallsTo("GetCampaign"));
        Assert.Equal(Samples.SpringCampaign.ToString(), (string?)request.Element(Tempuri + "campaignId"));
    }

    [Fact]
    public async Task GetCampaign_answers_null_for_an_unknown_campaign_after_checking_the_session()
    {
        Assert.Null(await _client.GetCampaignAsync(Guid.NewGuid()));

        Assert.Equal(1, Onc.Count("OpenAPISession"));
        Assert.Equal(1, Onc.Count("GetCampaignListing")); // the session check
    }

    [Fact]
    public async Task AddCampaign_writes_every_member_in_contract_order_in_the_data_contract_namespace()
    {
        var id = Guid.NewGuid();
        await _client.AddCampaignAsync(Samples.NewCampaign(id));

        var campaign = Assert.Single(Onc.CallsTo("AddCampaign")).Element(Tempuri + "campaign")!;
        Assert.Equal(
            ["ActiveFromDate", "ActiveFromTime", "ActiveToDate", "ActiveToTime", "AllowAddingContactsFromExternalApps", "CreationDateUtc", "Description",
             "EmailNotificationRequired", "ID", "IsPaused", "OutboundEmailNotificationInfo", "OutboundSMSNotificationInfo", "OutboundVoiceNotificationInfo",
             "ProgressWSEndpoint", "ShortName", "SmsNotificationRequired", "VoiceNotificationRequired"],
            campaign.Elements().Select(e => e.Name.LocalName));
        Assert.All(campaign.Elements(), e => Assert.Equal(Dc, e.Name.Namespace));
        Assert.Equal(id.ToString(), (string?)campaign.Element(Dc + "ID"));
        Assert.Equal("PT8H", (string?)campaign.Element(Dc + "ActiveFromTime"));
        Assert.Equal("PT20H15M", (string?)campaign.Element(Dc + "ActiveToTime"));
        Assert.Equal("2025-09-01T00:00:00", (string?)campaign.Element(Dc + "ActiveFromDate"));
        Assert.Equal("2025-08-01T12:00:00Z", (string?)campaign.Element(Dc + "CreationDateUtc"));
        Assert.Equal("true", (string?)campaign.Element(Dc + "OutboundEmailNotificationInfo")!.Attribute(Xsi + "nil"));
        var voice = campaign.Element(Dc + "OutboundVoiceNotificationInfo")!;
        Assert.Equal(["CallingName", "CallingNumber", "DialMsTimeout", "Enabled", "MaxDeliveryRetries", "MaxTextPlays", "RetryMinutesInterval", "TTSVoiceName", "TextToSpeak"],
            voice.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("25000", (string?)voice.Element(Dc + "DialMsTimeout"));
        Assert.Equal("en-GB", (string?)voice.Element(Dc + "TTSVoiceName"));
    }

    [Fact]
    public async Task AddCampaign_then_GetCampaign_round_trips_the_values()
    {
        var id = Guid.NewGuid();
        var sent = Samples.NewCampaign(id);
        await _client.AddCampaignAsync(sent);

        var read = await _client.GetCampaignAsync(id);

        Assert.NotNull(read);
        Assert.Equal(sent.ShortName, read.ShortName);
        Assert.Equal(sent.ActiveToTime, read.ActiveToTime);
        Assert.Equal(sent.ActiveFromDate, read.ActiveFromDate);
        Assert.Equal(sent.CreationDateUtc, read.CreationDateUtc);
        Assert.Equal(DateTimeKind.Utc, read.CreationDateUtc.Kind);
        Assert.Equal(sent.OutboundVoiceNotificationInfo!.RetryMinutesInterval, read.OutboundVoiceNotificationInfo!.RetryMinutesInterval);
        Assert.Null(read.OutboundEmailNotificationInfo);
    }

    [Fact]
    public async Task UpdateCampaign_sends_the_campaign_and_an_error_code_becomes_OncException()
    {
        var campaign = Samples.NewCampaign(Samples.SpringCampaign);
        campaign.IsPaused = true;
        await _client.UpdateCampaignAsync(campaign);

        Assert.Equal("true", (string?)Assert.Single(Onc.CallsTo("UpdateCampaign")).Element(Tempuri + "campaign")!.Element(Dc + "IsPaused"));
        Assert.True(bool.Parse((string)Onc.StoredCampaign(Samples.SpringCampaign)!.Element(Dc + "IsPaused")!));
    }

    [Fact]
    public async Task DeleteCampaign_sends_the_id_and_a_refusal_carries_the_code()
    {
        await _client.DeleteCampaignAsync(Samples.SpringCampaign);
        Assert.Null(Onc.StoredCampaign(Samples.SpringCampaign));
        Assert.Equal(Samples.SpringCampaign.ToString(), (string?)Assert.Single(Onc.CallsTo("DeleteCampaign")).Element(Tempuri + "campaignId"));

        var error = await Assert.ThrowsAsync<OncException>(() => _client.DeleteCampaignAsync(Samples.SpringCampaign));
        Assert.Equal(3, error.Code);
        Assert.Equal("3", error.ErrorCode);
        Assert.Equal("DeleteCampaign", error.Operation);
    }

    [Fact]
    public async Task GetCampaignContactsListing_sends_the_campaign_and_reads_the_ids()
    {
        var ids = await _client.GetCampaignContactsListingAsync(Samples.SpringCampaign);

        Assert.Equal([Samples.Contact], ids);
        Assert.Equal(Samples.SpringCampaign.ToString(), (string?)Assert.Single(Onc.CallsTo("GetCampaignContactsListing")).Element(Tempuri + "campaignId"));
    }

    [Fact]
    public async Task GetCampaignContacts_reads_each_channel_and_the_typed_status()
    {
        var contact = Assert.Single(await _client.GetCampaignContactsAsync(Samples.SpringCampaign));

        Assert.Equal(Samples.Contact, contact.Id);
        Assert.Equal(Samples.SpringCampaign, contact.CampaignId);
        Assert.Null(contact.EmailCommInfo);
        Assert.Equal("+15550199", contact.SMSCommInfo!.Destination);
        Assert.Equal(CommunicationStatusCode.Success, contact.SMSCommInfo.StatusCode);
        Assert.Equal(2, contact.SMSCommInfo.RetryCount);
        Assert.Null(contact.SMSCommInfo.TextToSendOverwrite);
        Assert.Equal(CommunicationStatusCode.WaitingForRetry, contact.VoiceCommInfo!.StatusCode);
        Assert.Equal(486, contact.VoiceCommInfo.LastDeliveryErrorCode);
        Assert.Equal("Call back", contact.VoiceCommInfo.TextToSendOverwrite);
    }

    [Fact]
    public async Task AddCampaignContact_writes_the_status_as_its_number()
    {
        var contact = Samples.NewContact("+15550123");
        contact.VoiceCommInfo = new CommunicationInfo { Destination = "+15550123", StatusCode = CommunicationStatusCode.Cancelled };
        await _client.AddCampaignContactAsync(contact);

        var sent = Assert.Single(Onc.CallsTo("AddCampaignContact")).Element(Tempuri + "contact")!;
        Assert.Equal(["CampaignId", "EmailCommInfo", "Id", "SMSCommInfo", "VoiceCommInfo"], sent.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(contact.Id.ToString(), (string?)sent.Element(Dc + "Id"));
        var sms = sent.Element(Dc + "SMSCommInfo")!;
        Assert.Equal(["Destination", "LastDeliveryErrorCode", "RetryCount", "StatusCode", "TextToSendOverwrite"], sms.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("1", (string?)sms.Element(Dc + "StatusCode"));
        Assert.Equal("3", (string?)sms.Element(Dc + "RetryCount"));
        Assert.Equal("7", (string?)sent.Element(Dc + "VoiceCommInfo")!.Element(Dc + "StatusCode"));
        Assert.NotNull(Onc.StoredContact(contact.Id));
    }

    [Fact]
    public async Task UpdateCampaignContact_sends_the_contact()
    {
        var contact = Samples.NewContact("+15550124", Samples.Contact);
        await _client.UpdateCampaignContactAsync(contact);

        var sent = Assert.Single(Onc.CallsTo("UpdateCampaignContact")).Element(Tempuri + "contact")!;
        Assert.Equal("+15550124", (string?)sent.Element(Dc + "SMSCommInfo")!.Element(Dc + "Destination"));
        Assert.Equal("+15550124", (string?)Onc.StoredContact(Samples.Contact)!.Element(Dc + "SMSCommInfo")!.Element(Dc + "Destination"));
    }

    [Fact]
    public async Task DeleteCampaignContact_sends_both_ids_in_order()
    {
        await _client.DeleteCampaignContactAsync(Samples.SpringCampaign, Samples.Contact);

        var request = Assert.Single(Onc.CallsTo("DeleteCampaignContact"));
        Assert.Equal(["sessionId", "campaignId", "contactId"], request.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(Samples.Contact.ToString(), (string?)request.Element(Tempuri + "contactId"));
        Assert.Null(Onc.StoredContact(Samples.Contact));
    }

    [Fact]
    public async Task CloseSession_sends_CloseAPISession_with_the_session_and_the_next_call_opens_a_new_one()
    {
        await _client.GetCampaignListingAsync();
        var first = Assert.Single(Onc.IssuedSessions);

        await _client.CloseSessionAsync();
        await _client.GetCampaignListingAsync();

        Assert.Equal(first, (string?)Assert.Single(Onc.CallsTo("CloseAPISession")).Element(Tempuri + "sessionId"));
        Assert.False(Onc.IsOpen(first));
        Assert.Equal(2, Onc.IssuedSessions.Count);
    }

    private static void AssertSpring(OutboundNotificationCampaignInfo? campaign)
    {
        Assert.NotNull(campaign);
        Assert.Equal(Samples.SpringCampaign, campaign.ID);
        Assert.Equal("Spring", campaign.ShortName);
        Assert.Equal("Spring sale reminders", campaign.Description);
        Assert.True(campaign.IsPaused);
        Assert.True(campaign.AllowAddingContactsFromExternalApps);
        Assert.True(campaign.SmsNotificationRequired);
        Assert.False(campaign.VoiceNotificationRequired);
        Assert.False(campaign.EmailNotificationRequired);
        Assert.Equal(new DateTime(2025, 1, 1), campaign.ActiveFromDate);
        Assert.Equal(TimeSpan.FromHours(9), campaign.ActiveFromTime);
        Assert.Equal(new DateTime(2025, 12, 31), campaign.ActiveToDate);
        Assert.Equal(new TimeSpan(17, 30, 0), campaign.ActiveToTime);
        Assert.Equal(new DateTime(2024, 11, 2, 10, 20, 30, DateTimeKind.Utc), campaign.CreationDateUtc);
        Assert.Equal("https://example.com/progress", campaign.ProgressWSEndpoint);
        Assert.Equal("+15550100", campaign.OutboundSMSNotificationInfo!.FromNumber);
        Assert.Equal("Sale starts today", campaign.OutboundSMSNotificationInfo.TextToSend);
        Assert.True(campaign.OutboundSMSNotificationInfo.Enabled);
        var voice = campaign.OutboundVoiceNotificationInfo!;
        Assert.Equal(("ACME", "+15550101", 30000, false, 3, 2, 15, "en-US-Female", "The sale starts today"),
            (voice.CallingName, voice.CallingNumber, voice.DialMsTimeout, voice.Enabled, voice.MaxDeliveryRetries, voice.MaxTextPlays, voice.RetryMinutesInterval, voice.TTSVoiceName, voice.TextToSpeak));
        var email = campaign.OutboundEmailNotificationInfo!;
        Assert.Equal((true, "news@example.com", "<b>Sale</b>", "Spring"), (email.Enabled, email.FromEmail, email.HtmlContent, email.Subject));
    }
}
