using Contracts.Core;
using Xunit.Abstractions;
using static Contracts.Onc.Tests.ConsumerContracts.OncExamples;
using static Contracts.Onc.Tests.ConsumerContracts.OncPact;
using static Contracts.Onc.Tests.ConsumerContracts.OncPayloads;
using Ops = Contracts.Onc.OncOperations;

namespace Contracts.Onc.Tests.ConsumerContracts;

/// <summary>
/// Consumer contracts of the session lifecycle, driven through the real client: one session opened on first use and
/// shared, closed on request or on dispose, credentials refused, and an expired session reopened once.
/// </summary>
public sealed class SessionContractTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Calls_share_one_session_opened_on_first_use_and_closed_on_dispose()
    {
        var builder = NewSessionBuilder(output);
        CampaignsListed(builder);

        var sent = await ContractClient.VerifyAsync(builder, async onc =>
        {
            Assert.Equal([CampaignId], await onc.GetCampaignListingAsync());
            Assert.Equal([CampaignId], await onc.GetCampaignListingAsync());
        });

        Assert.Equal([Ops.OpenApiSession, Ops.GetCampaignListing, Ops.GetCampaignListing, Ops.CloseApiSession], sent);
    }

    [Fact]
    public async Task CloseSession_sends_CloseAPISession_and_dispose_then_has_nothing_left_to_close()
    {
        var builder = NewSessionBuilder(output);
        CampaignsListed(builder);

        var sent = await ContractClient.VerifyAsync(builder, async onc =>
        {
            await onc.GetCampaignListingAsync();
            await onc.CloseSessionAsync();
        });

        Assert.Equal([Ops.OpenApiSession, Ops.GetCampaignListing, Ops.CloseApiSession], sent);
    }

    [Fact]
    public async Task Refused_credentials_fail_with_the_services_code_and_description_and_nothing_else_is_sent()
    {
        var builder = NewBuilder(output);
        OpenSessionRequest(builder, "a request to open an API session with credentials the service refuses")
            .GivenRefusedCredentials()
            .Answers(SessionOutcome(Ops.OpenApiSession, errorCode: 1, description: "Invalid credentials", sessionId: ""));

        var sent = await ContractClient.VerifyAsync(builder, async onc =>
        {
            var noSession = await Assert.ThrowsAsync<AccessTokenException>(() => onc.GetCampaignListingAsync());

            Assert.Equal(("1", "Invalid credentials", DeliveryState.NotSent), (noSession.ErrorCode, noSession.VendorMessage, noSession.Delivery));
            var refused = Assert.IsType<OncException>(noSession.InnerException);
            Assert.True(refused.IsSessionFailure);
            Assert.Equal(1, refused.Code);
            Assert.Equal("Invalid credentials", refused.Description);
            Assert.DoesNotContain(Password, noSession.ToString(), StringComparison.Ordinal);
        });

        Assert.Equal([Ops.OpenApiSession], sent);
    }

    /// <summary>
    /// A mock server answers the same request the same way every time, so "expired, then working after the reopen"
    /// cannot be one conversation here: the expired answers are interactions of their own (null lists, a close that
    /// fails), and the recorded requests prove the client's part: it checks the session, opens a new one, sends the
    /// call once more, and then gives up instead of looping. That a fresh session works is every other contract.
    /// </summary>
    [Fact]
    public async Task A_call_on_an_expired_session_is_sent_once_more_on_a_new_session_then_fails()
    {
        var builder = NewBuilder(output);
        SessionOpened(builder);
        builder.SoapCall("a request for the active campaigns on an expired session", Ops.GetCampaigns)
            .GivenExpiredSession()
            .Answers(NilResult(Ops.GetCampaigns));
        builder.SoapCall("a request for the IDs of the active campaigns on an expired session", Ops.GetCampaignListing)
            .GivenExpiredSession()
            .Answers(NilResult(Ops.GetCampaignListing));
        builder.SoapCall("a request to close an expired API session", Ops.CloseApiSession)
            .GivenExpiredSession()
            .Answers(SessionOutcome(Ops.CloseApiSession, errorCode: 2, description: "Invalid session", sessionId: null));

        var sent = await ContractClient.VerifyAsync(builder, async onc =>
        {
            var failure = await Assert.ThrowsAsync<OncException>(() => onc.GetCampaignsAsync());

            Assert.Equal(Ops.GetCampaigns, failure.Operation);
            Assert.Null(failure.Code);
        });

        // The failed close on dispose is logged, not thrown: the session is gone either way.
        Assert.Equal([Ops.OpenApiSession, Ops.GetCampaigns, Ops.GetCampaignListing, Ops.OpenApiSession, Ops.GetCampaigns, Ops.CloseApiSession], sent);
    }
}
