using Xunit.Abstractions;
using static Contracts.Onc.Tests.ConsumerContracts.OncExamples;
using static Contracts.Onc.Tests.ConsumerContracts.OncPact;
using static Contracts.Onc.Tests.ConsumerContracts.OncPayloads;
using static Contracts.Onc.Tests.OncContract;
using Ops = Contracts.Onc.OncOperations;

namespace Contracts.Onc.Tests.ConsumerContracts;

/// <summary>Consumer contracts of the campaign operations, driven through the real client on a session it opens and closes.</summary>
public sealed class CampaignContractTests(ITestOutputHelper output)
{
    [Fact]
    public async Task GetCampaignListing_reads_the_ids_of_the_active_campaigns()
    {
        var builder = NewSessionBuilder(output);
        CampaignsListed(builder);

        var sent = await ContractClient.VerifyAsync(builder, async onc => Assert.Equal([CampaignId], await onc.GetCampaignListingAsync()));

        Assert.Equal([Ops.OpenApiSession, Ops.GetCampaignListing, Ops.CloseApiSession], sent);
    }

    [Fact]
    public async Task GetCampaigns_reads_every_field_of_every_active_campaign()
    {
        var builder = NewSessionBuilder(output);
        builder.SoapCall("a request for the active campaigns", Ops.GetCampaigns)
            .GivenOpenSession()
            .GivenCampaign()
            .Answers(List(Ops.GetCampaigns, Campaign(Dc + "OutboundNotificationCampaignInfo", OncExamples.Campaign(), declarePrefixes: false)));

        await ContractClient.VerifyAsync(builder, async onc =>
        {
            var campaign = Assert.Single(await onc.GetCampaignsAsync());
            DataContractAssert.Equal(OncExamples.Campaign(), campaign, "campaign");
        });
    }

    [Fact]
    public async Task AddCampaign_sends_every_member_of_the_campaign_and_succeeds_on_code_0()
    {
        var builder = NewSessionBuilder(output);
        builder.SoapCall("a request to add a campaign", Ops.AddCampaign, Campaign(Tempuri + "campaign", OncExamples.Campaign()))
            .GivenOpenSession()
            .Answers(CodeResult(Ops.AddCampaign, 0));

        var sent = await ContractClient.VerifyAsync(builder, onc => onc.AddCampaignAsync(OncExamples.Campaign()));

        Assert.Equal([Ops.OpenApiSession, Ops.AddCampaign, Ops.CloseApiSession], sent);
    }

    [Fact]
    public async Task GetCampaign_sends_the_id_and_reads_the_campaign()
    {
        var builder = NewSessionBuilder(output);
        builder.SoapCall("a request for one campaign", Ops.GetCampaign, GuidParameter("campaignId", CampaignId))
            .GivenOpenSession()
            .GivenCampaign()
            .Answers(Response(Ops.GetCampaign, Campaign(ResultName(Ops.GetCampaign), OncExamples.Campaign())));

        await ContractClient.VerifyAsync(builder, async onc => DataContractAssert.Equal(OncExamples.Campaign(), await onc.GetCampaignAsync(CampaignId), "campaign"));
    }

    [Fact]
    public async Task GetCampaign_answers_null_for_an_unknown_id_once_the_session_proves_to_work()
    {
        var builder = NewSessionBuilder(output);
        CampaignsListed(builder);
        builder.SoapCall("a request for a campaign that does not exist", Ops.GetCampaign, GuidParameter("campaignId", UnknownCampaignId))
            .GivenOpenSession()
            .GivenNoCampaign(UnknownCampaignId)
            .Answers(NilResult(Ops.GetCampaign));

        var sent = await ContractClient.VerifyAsync(builder, async onc => Assert.Null(await onc.GetCampaignAsync(UnknownCampaignId)));

        Assert.Equal([Ops.OpenApiSession, Ops.GetCampaign, Ops.GetCampaignListing, Ops.CloseApiSession], sent);
    }

    [Fact]
    public async Task UpdateCampaign_sends_the_campaign_and_succeeds_on_code_0()
    {
        var paused = OncExamples.Campaign();
        paused.IsPaused = true;
        var builder = NewSessionBuilder(output);
        builder.SoapCall("a request to update a campaign", Ops.UpdateCampaign, Campaign(Tempuri + "campaign", paused))
            .GivenOpenSession()
            .GivenCampaign()
            .Answers(CodeResult(Ops.UpdateCampaign, 0));

        var sent = await ContractClient.VerifyAsync(builder, onc => onc.UpdateCampaignAsync(paused));

        Assert.Equal([Ops.OpenApiSession, Ops.UpdateCampaign, Ops.CloseApiSession], sent);
    }

    [Fact]
    public async Task DeleteCampaign_sends_the_id_and_succeeds_on_code_0()
    {
        var builder = NewSessionBuilder(output);
        builder.SoapCall("a request to delete a campaign", Ops.DeleteCampaign, GuidParameter("campaignId", CampaignId))
            .GivenOpenSession()
            .GivenCampaign()
            .Answers(CodeResult(Ops.DeleteCampaign, 0));

        var sent = await ContractClient.VerifyAsync(builder, onc => onc.DeleteCampaignAsync(CampaignId));

        Assert.Equal([Ops.OpenApiSession, Ops.DeleteCampaign, Ops.CloseApiSession], sent);
    }
}
