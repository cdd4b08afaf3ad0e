using Contracts.Pacts.Matchers;
using Xunit.Abstractions;
using static Contracts.Accengage.Tests.ConsumerContracts.AccengageContract;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>Consumer contracts of a campaign's life: create, read, update, delete, and an unknown campaign.</summary>
public sealed class CampaignContractTests(ITestOutputHelper output)
{
    private const string CampaignExists = "campaign 91 exists";

    private static readonly DateTimeOffset Start = new(2030, 6, 1, 0, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset End = new(2030, 6, 30, 23, 59, 59, TimeSpan.FromHours(2));

    [Fact]
    public async Task A_campaign_is_created_with_its_dates_and_its_technical_id_returned()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request to create a campaign", "the app exists", HttpMethod.Post, AppRoute("/campaigns"))
            .AcceptingJson()
            .WithJsonBody(CampaignShape("Summer sales"))
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(Created(91));

        await VerifyAsync(builder, async client =>
        {
            var created = await client.CreateCampaignAsync(PartnerId, new Campaign { Name = "Summer sales", StartDate = Start, EndDate = End });

            Assert.Equal(91L, created.Id);
        });
    }

    [Fact]
    public async Task A_campaign_is_read_by_its_id()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request for a campaign", CampaignExists, HttpMethod.Get, AppRoute("/campaigns/91", "/campaigns/[0-9]+"))
            .AcceptingJson()
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(new
            {
                id = Match.Integer(91),
                name = Match.Type("Summer sales"),
                startDate = Match.Regex("2030-06-01T00:00:00+02:00", DateTimeWithOffset),
                endDate = Match.Regex("2030-06-30T23:59:59+02:00", DateTimeWithOffset),
            });

        await VerifyAsync(builder, async client =>
        {
            var campaign = await client.GetCampaignAsync(PartnerId, 91);

            Assert.Equal(91L, campaign.Id);
            Assert.Equal("Summer sales", campaign.Name);
            Assert.Equal(Start, campaign.StartDate);
            Assert.Equal(TimeSpan.FromHours(2), campaign.EndDate!.Value.Offset);
        });
    }

    [Fact]
    public async Task A_campaign_is_updated_then_deleted()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request to update a campaign", CampaignExists, HttpMethod.Put, AppRoute("/campaigns/91", "/campaigns/[0-9]+"))
            .WithJsonBody(CampaignShape("Summer sales 2"))
            .WillRespond()
            .WithStatus(200);
        builder.AuthorizedRequest("a request to delete a campaign", CampaignExists, HttpMethod.Delete, AppRoute("/campaigns/91", "/campaigns/[0-9]+"))
            .WillRespond()
            .WithStatus(200);

        await VerifyAsync(builder, async (client, wire) =>
        {
            await client.UpdateCampaignAsync(PartnerId, 91, new Campaign { Name = "Summer sales 2", StartDate = Start, EndDate = End });
            await client.DeleteCampaignAsync(PartnerId, 91);

            Assert.Equal(["PUT " + AppPath + "/campaigns/91", "DELETE " + AppPath + "/campaigns/91"], wire.Sent.Skip(1));
        });
    }

    [Fact]
    public async Task An_unknown_campaign_is_a_404_with_the_error_body()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request for a campaign that does not exist", "campaign 404 does not exist", HttpMethod.Get, AppRoute("/campaigns/404", "/campaigns/[0-9]+"))
            .AcceptingJson()
            .WillRespond()
            .WithStatus(404)
            .WithJsonBody(Error(AccengageErrorLabels.Data, "Campaign not found"));

        await VerifyAsync(builder, async client =>
        {
            var refused = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(() => client.GetCampaignAsync(PartnerId, 404));

            Assert.Equal(404, refused.StatusCode);
            Assert.True(refused.HasLabel(AccengageErrorLabels.Data));
            Assert.Equal("Campaign not found", Assert.Single(refused.Errors).Message);
        });
    }

    /// <summary>A campaign as the client writes it: its name and its dates with their offset; no id.</summary>
    private static object CampaignShape(string name) => new
    {
        name = Match.Type(name),
        startDate = Match.Regex("2030-06-01T00:00:00+02:00", DateTimeWithOffset),
        endDate = Match.Regex("2030-06-30T23:59:59+02:00", DateTimeWithOffset),
    };
}
