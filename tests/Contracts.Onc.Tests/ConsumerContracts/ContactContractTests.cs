using Contracts.Pacts;
using Xunit.Abstractions;
using static Contracts.Onc.Tests.ConsumerContracts.OncExamples;
using static Contracts.Onc.Tests.ConsumerContracts.OncPact;
using static Contracts.Onc.Tests.ConsumerContracts.OncPayloads;
using static Contracts.Onc.Tests.OncContract;
using Ops = Contracts.Onc.OncOperations;

namespace Contracts.Onc.Tests.ConsumerContracts;

/// <summary>Consumer contracts of the contact operations and their error signals, driven through the real client.</summary>
public sealed class ContactContractTests(ITestOutputHelper output)
{
    [Fact]
    public async Task GetCampaignContactsListing_sends_the_campaign_and_reads_the_contact_ids()
    {
        var builder = NewSessionBuilder(output);
        builder.SoapCall("a request for the IDs of the contacts in a campaign", Ops.GetCampaignContactsListing, GuidParameter("campaignId", CampaignId))
            .GivenOpenSession()
            .GivenContact()
            .Answers(GuidList(Ops.GetCampaignContactsListing, ContactId));

        await ContractClient.VerifyAsync(builder, async onc => Assert.Equal([ContactId], await onc.GetCampaignContactsListingAsync(CampaignId)));
    }

    [Fact]
    public async Task GetCampaignContacts_reads_every_channel_with_its_typed_status()
    {
        var builder = NewSessionBuilder(output);
        builder.SoapCall("a request for the contacts in a campaign", Ops.GetCampaignContacts, GuidParameter("campaignId", CampaignId))
            .GivenOpenSession()
            .GivenContact()
            .Answers(List(Ops.GetCampaignContacts, Contact(Dc + "OutboundNotificationContactInfo", OncExamples.Contact(), declarePrefixes: false)));

        await ContractClient.VerifyAsync(builder, async onc =>
        {
            var contact = Assert.Single(await onc.GetCampaignContactsAsync(CampaignId));
            DataContractAssert.Equal(OncExamples.Contact(), contact, "contact");
            Assert.Equal(CommunicationStatusCode.WaitingForRetry, contact.VoiceCommInfo!.StatusCode);
        });
    }

    [Fact]
    public async Task GetCampaignContacts_answered_without_a_list_throws_once_the_session_proves_to_work()
    {
        var builder = NewSessionBuilder(output);
        CampaignsListed(builder);
        builder.SoapCall("a request for the contacts of a campaign that does not exist", Ops.GetCampaignContacts, GuidParameter("campaignId", UnknownCampaignId))
            .GivenOpenSession()
            .GivenNoCampaign(UnknownCampaignId)
            .Answers(NilResult(Ops.GetCampaignContacts));

        var sent = await ContractClient.VerifyAsync(builder, async onc =>
        {
            var failure = await Assert.ThrowsAsync<OncException>(() => onc.GetCampaignContactsAsync(UnknownCampaignId));

            Assert.Equal(Ops.GetCampaignContacts, failure.Operation);
            Assert.Null(failure.Code);
        });

        Assert.Equal([Ops.OpenApiSession, Ops.GetCampaignContacts, Ops.GetCampaignListing, Ops.CloseApiSession], sent);
    }

    [Fact]
    public async Task AddCampaignContact_sends_the_contact_with_nil_for_unused_channels_and_succeeds_on_code_0()
    {
        var builder = NewSessionBuilder(output);
        ContactAdded(builder);

        var sent = await ContractClient.VerifyAsync(builder, onc => onc.AddCampaignContactAsync(SmsContact(ContactId, "+15550123")));

        Assert.Equal([Ops.OpenApiSession, Ops.AddCampaignContact, Ops.CloseApiSession], sent);
    }

    [Fact]
    public async Task A_batch_of_contacts_is_one_AddCampaignContact_each_on_one_session()
    {
        var builder = NewSessionBuilder(output);
        ContactAdded(builder);
        OutboundNotificationContactInfo[] contacts =
        [
            SmsContact(Guid.Parse("0b5c8f2e-6d41-4a9f-b3e7-2c1d5a8e9f04"), "+15550124"),
            SmsContact(Guid.Parse("5e7a1c3b-9d2f-4e6a-8b0c-7f4d2e1a6c95"), "+15550125"),
            SmsContact(Guid.Parse("c3d9e8f1-2a4b-4c5d-9e6f-0a1b2c3d4e5f"), "+15550126"),
        ];

        var sent = await ContractClient.VerifyAsync(builder, async onc =>
        {
            var report = await onc.AddCampaignContactsAsync(contacts, keepAcceptedContacts: true);

            Assert.True(report.AllAccepted, report.ToString());
            Assert.Equal(contacts.Select(c => c.Id).Order(), report.Accepted.Select(c => c.Id).Order());
        });

        Assert.Equal([Ops.OpenApiSession, Ops.AddCampaignContact, Ops.AddCampaignContact, Ops.AddCampaignContact, Ops.CloseApiSession], sent);
    }

    [Fact]
    public async Task AddCampaignContact_refused_with_a_non_zero_code_throws_with_that_code()
    {
        var builder = NewSessionBuilder(output);
        CampaignsListed(builder);
        var contact = SmsContact(ContactId, "+15550123");
        contact.CampaignId = UnknownCampaignId;
        builder.SoapCall("a request to add a contact to a campaign that does not exist", Ops.AddCampaignContact, Contact(Tempuri + "contact", contact))
            .GivenOpenSession()
            .GivenNoCampaign(UnknownCampaignId)
            .Answers(CodeResult(Ops.AddCampaignContact, 3));

        var sent = await ContractClient.VerifyAsync(builder, async onc =>
        {
            var refused = await Assert.ThrowsAsync<OncException>(() => onc.AddCampaignContactAsync(contact));

            Assert.Equal(Ops.AddCampaignContact, refused.Operation);
            Assert.Equal(3, refused.Code);
            Assert.False(refused.IsSessionFailure);
        });

        // The session check tells the call's own failure from an expired session: no second attempt.
        Assert.Equal([Ops.OpenApiSession, Ops.AddCampaignContact, Ops.GetCampaignListing, Ops.CloseApiSession], sent);
    }

    [Fact]
    public async Task UpdateCampaignContact_sends_every_channel_and_succeeds_on_code_0()
    {
        var builder = NewSessionBuilder(output);
        builder.SoapCall("a request to update a contact", Ops.UpdateCampaignContact, Contact(Tempuri + "contact", OncExamples.Contact()))
            .GivenOpenSession()
            .GivenContact()
            .Answers(CodeResult(Ops.UpdateCampaignContact, 0));

        var sent = await ContractClient.VerifyAsync(builder, onc => onc.UpdateCampaignContactAsync(OncExamples.Contact()));

        Assert.Equal([Ops.OpenApiSession, Ops.UpdateCampaignContact, Ops.CloseApiSession], sent);
    }

    [Fact]
    public async Task DeleteCampaignContact_sends_both_ids_and_succeeds_on_code_0()
    {
        var builder = NewSessionBuilder(output);
        builder.SoapCall("a request to delete a contact from a campaign", Ops.DeleteCampaignContact, GuidParameter("campaignId", CampaignId), GuidParameter("contactId", ContactId))
            .GivenOpenSession()
            .GivenContact()
            .Answers(CodeResult(Ops.DeleteCampaignContact, 0));

        var sent = await ContractClient.VerifyAsync(builder, onc => onc.DeleteCampaignContactAsync(CampaignId, ContactId));

        Assert.Equal([Ops.OpenApiSession, Ops.DeleteCampaignContact, Ops.CloseApiSession], sent);
    }

    /// <summary>AddCampaignContact of a contact reached by SMS only (voice and email nil): code 0.</summary>
    private static void ContactAdded(PactBuilder builder)
        => builder.SoapCall("a request to add a contact to a campaign", Ops.AddCampaignContact, Contact(Tempuri + "contact", SmsContact(ContactId, "+15550123")))
            .GivenOpenSession()
            .GivenCampaign()
            .Answers(CodeResult(Ops.AddCampaignContact, 0));
}
