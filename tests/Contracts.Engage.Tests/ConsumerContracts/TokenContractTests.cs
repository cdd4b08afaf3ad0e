using Contracts.Core;
using Contracts.Pacts.Matchers;
using Xunit.Abstractions;
using static Contracts.Engage.Tests.ConsumerContracts.EngageContract;

namespace Contracts.Engage.Tests.ConsumerContracts;

/// <summary>Consumer contracts of the token endpoints, driven through the real client and its token handler.</summary>
public sealed class TokenContractTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_granted_token_is_sent_as_the_bearer_of_the_health_check()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.UponReceiving("a token health check")
            .Given("the access token is valid")
            .WithRequest(HttpMethod.Get, HealthPath)
            .WithHeader("Authorization", Bearer)
            .WithHeader("Accept", "application/json")
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(new
            {
                accessToken = (string?)null,
                message = Match.Type("Healthy"),
                errorCode = "",
                requestId = RequestId("5c79f9a0-447e-4093-87d8-05bdd25e9200"),
            });

        await builder.VerifyAsync(async ctx =>
        {
            using var client = Client(ctx);

            var health = await client.CheckTokenHealthAsync();

            Assert.Equal("Healthy", health.Message);
            Assert.True(EngageErrorCodes.IsSuccess(health.ErrorCode));
            Assert.Equal("5c79f9a0-447e-4093-87d8-05bdd25e9200", health.RequestId);
        });
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_once_and_a_second_401_surfaces_as_unauthorized()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.UponReceiving("a token health check with an expired token")
            .Given("the access token has expired")
            .WithRequest(HttpMethod.Get, HealthPath)
            .WithHeader("Authorization", Bearer)
            .WillRespond()
            .WithStatus(401);

        await builder.VerifyAsync(async ctx =>
        {
            using var client = Client(ctx);

            var refused = await Assert.ThrowsAsync<EngageException>(() => client.CheckTokenHealthAsync());

            Assert.True(refused.IsUnauthorized);
        });
    }

    [Fact]
    public async Task Refused_credentials_fail_with_the_vendors_answer_and_nothing_else_is_sent()
    {
        var builder = NewBuilder(output);
        TokenRequest(builder, "a request for an access token with credentials ENGAGE refuses", "the client credentials are not valid")
            .WithStatus(500)
            .WithJsonBody(new
            {
                accessToken = (string?)null,
                message = Match.Type("Failed to grant access token"),
                errorCode = Match.Integer(500),
                requestId = RequestId("5cf3ad7e-0428-491f-a85f-c444487d1523"),
            });

        await builder.VerifyAsync(async ctx =>
        {
            using var client = Client(ctx);

            var refused = await Assert.ThrowsAsync<AccessTokenException>(() => client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations()));

            Assert.Equal(500, refused.StatusCode);
            Assert.Equal("500", refused.ErrorCode);
            Assert.Equal("Failed to grant access token", refused.VendorMessage);
            Assert.Equal("5cf3ad7e-0428-491f-a85f-c444487d1523", refused.RequestId);
        });
    }
}
