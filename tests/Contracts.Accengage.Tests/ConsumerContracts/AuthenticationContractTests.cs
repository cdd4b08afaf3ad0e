using Contracts.Core;
using Xunit.Abstractions;
using static Contracts.Accengage.Tests.ConsumerContracts.AccengageContract;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>Consumer contracts of the access token and the access check, driven through the real token provider.</summary>
public sealed class AuthenticationContractTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_token_is_requested_for_the_user_and_sent_as_the_bearer_of_the_access_check()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("an access check", UserHasAKey, HttpMethod.Get, MePath)
            .WithHeader("Accept", "text/plain")
            .WillRespond()
            .WithStatus(200)
            .WithBody("Welcome", "text/plain");

        await VerifyAsync(builder, async client => Assert.Equal("Welcome", await client.GetMeAsync()));
    }

    [Fact]
    public async Task An_unknown_user_gets_no_token_and_the_call_fails_with_the_vendors_answer()
    {
        var builder = NewBuilder(output);
        TokenRequest(builder, "a request for an access token for an unknown user", "no user has the e-mail mymail@client.com")
            .WithStatus(404)
            .WithJsonBody(Error(AccengageErrorLabels.Data, "User not found"));

        await VerifyAsync(builder, async client =>
        {
            var refused = await Assert.ThrowsAsync<AccessTokenException>(() => client.GetMeAsync());

            Assert.Equal(404, refused.StatusCode);
            Assert.Equal(AccengageErrorLabels.Data, refused.ErrorCode);
            Assert.Contains("User not found", refused.VendorMessage, StringComparison.Ordinal);
        });
    }
}
