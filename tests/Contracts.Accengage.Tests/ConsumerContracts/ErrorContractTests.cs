using Xunit.Abstractions;
using static Contracts.Accengage.Tests.ConsumerContracts.AccengageContract;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>
/// Consumer contracts of the generic errors any route may answer, with their labels: a refused token is regenerated
/// once and the request sent again; a refused signature, a missing right and a server error are not retried.
/// </summary>
public sealed class ErrorContractTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(401, "the access token has expired", "The access token has expired")]
    [InlineData(400, "the access token is invalid", "Invalid access token")]
    public async Task A_refused_token_is_regenerated_and_the_request_sent_once_more_before_the_error_surfaces(int status, string state, string message)
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        CampaignRequest(builder, $"a request for a campaign with a token refused with {status}", state)
            .WithStatus(status)
            .WithJsonBody(Error(AccengageErrorLabels.Token, message));

        await VerifyAsync(builder, async (client, wire) =>
        {
            var refused = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(() => client.GetCampaignAsync(PartnerId, 91));

            Assert.Equal(status, refused.StatusCode);
            Assert.True(refused.HasLabel(AccengageErrorLabels.Token));
            Assert.Equal(["POST " + TokenPath, "GET " + AppPath + "/campaigns/91", "POST " + TokenPath, "GET " + AppPath + "/campaigns/91"], wire.Sent);
        });
    }

    [Theory]
    [InlineData(400, AccengageErrorLabels.Signature, "the signature of the request is refused", "Invalid signature")]
    [InlineData(403, AccengageErrorLabels.Forbidden, "the user has no rights on the campaigns", "Forbidden")]
    [InlineData(500, AccengageErrorLabels.Database, "the database is failing", "Database error")]
    public async Task An_error_that_a_new_token_would_not_fix_surfaces_at_once_with_its_label(int status, string label, string state, string message)
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        CampaignRequest(builder, $"a request for a campaign refused with {status} {label}", state)
            .WithStatus(status)
            .WithJsonBody(Error(label, message));

        await VerifyAsync(builder, async (client, wire) =>
        {
            var refused = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(() => client.GetCampaignAsync(PartnerId, 91));

            Assert.Equal(status, refused.StatusCode);
            Assert.Equal(label, refused.ErrorCode);
            Assert.True(refused.HasLabel(label));
            Assert.Equal(message, Assert.Single(refused.Errors).Message);
            Assert.Equal(2, wire.Sent.Count);
        });
    }

    private static Pacts.ResponseBuilder CampaignRequest(Pacts.PactBuilder builder, string description, string providerState)
        => builder.AuthorizedRequest(description, providerState, HttpMethod.Get, AppRoute("/campaigns/91", "/campaigns/[0-9]+"))
            .AcceptingJson()
            .WillRespond();
}
