using Contracts.Core;
using Microsoft.Extensions.Time.Testing;
using static Contracts.Onc.Tests.OncContract;

namespace Contracts.Onc.Tests;

/// <summary>One session opened on first use, shared, replaced when idle or gone (once per call), closed on dispose.</summary>
public sealed class SessionLifecycleTests : FakeOncTests
{
    [Fact]
    public async Task Nothing_is_sent_before_the_first_call_and_the_session_is_reused()
    {
        await using var client = new OncClient(Onc.Options());
        Assert.Empty(Onc.Calls);

        await client.GetCampaignListingAsync();
        await client.GetCampaignsAsync();
        await client.GetCampaignContactsAsync(Samples.SpringCampaign);

        Assert.Equal(1, Onc.Count("OpenAPISession"));
        var session = Assert.Single(Onc.IssuedSessions);
        Assert.All(Onc.Calls.Skip(1), call => Assert.Equal(session, (string?)call.Body.Element(Tempuri + "sessionId")));
    }

    [Fact]
    public async Task Hundred_concurrent_callers_on_a_cold_client_share_one_OpenAPISession()
    {
        Onc.OpenDelay = TimeSpan.FromMilliseconds(200);
        await using var client = new OncClient(Onc.Options());

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.GetCampaignListingAsync()));

        Assert.Equal(1, Onc.Count("OpenAPISession"));
        Assert.Equal(100, Onc.Count("GetCampaignListing"));
        var session = Assert.Single(Onc.IssuedSessions);
        Assert.All(Onc.CallsTo("GetCampaignListing"), call => Assert.Equal(session, (string?)call.Element(Tempuri + "sessionId")));
    }

    [Fact]
    public async Task A_session_idle_for_the_timeout_is_replaced_before_the_call_and_use_keeps_it_alive()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var client = new OncClient(Onc.Options(), timeProvider: time);

        await client.GetCampaignListingAsync();
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromMinutes(15)); // an hour and a quarter in all, never 19 minutes idle
            await client.GetCampaignListingAsync();
        }
        Assert.Equal(1, Onc.Count("OpenAPISession"));

        time.Advance(TimeSpan.FromMinutes(19) + TimeSpan.FromSeconds(1)); // inside the 60 s margin of the 20 min timeout
        Onc.ExpireSessions(); // the service has dropped it too
        await client.GetCampaignListingAsync();

        Assert.Equal(2, Onc.Count("OpenAPISession"));
        Assert.Equal(7, Onc.Count("GetCampaignListing")); // no failed attempt: the client knew the session was gone
    }

    [Fact]
    public async Task A_session_the_service_dropped_is_reopened_and_the_call_sent_once_more()
    {
        await using var client = new OncClient(Onc.Options());
        await client.GetCampaignListingAsync();
        Onc.ExpireSessions();

        var campaigns = await client.GetCampaignsAsync();

        Assert.Single(campaigns);
        Assert.Equal(2, Onc.Count("OpenAPISession"));
        Assert.Equal(2, Onc.Count("GetCampaigns"));
        var second = Onc.IssuedSessions[1];
        Assert.Equal(second, (string?)Onc.CallsTo("GetCampaigns")[1].Element(Tempuri + "sessionId"));
    }

    [Fact]
    public async Task An_error_code_on_a_dropped_session_is_recovered_after_checking_the_session()
    {
        await using var client = new OncClient(Onc.Options());
        await client.GetCampaignListingAsync();
        Onc.ExpireSessions();

        await client.AddCampaignContactAsync(Samples.NewContact("+15550150"));

        Assert.Equal(2, Onc.Count("AddCampaignContact"));
        Assert.Equal(2, Onc.Count("GetCampaignListing")); // the first call, then the check that found the session gone
        Assert.Equal(2, Onc.Count("OpenAPISession"));
    }

    [Fact]
    public async Task Reopening_happens_once_per_call_then_the_failure_is_reported()
    {
        Onc.ForgetSessionsAtOnce = true;
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550151")));

        Assert.Equal(FakeOnc.InvalidSessionCode, error.Code);
        Assert.Equal(2, Onc.Count("OpenAPISession"));
        Assert.Equal(2, Onc.Count("AddCampaignContact"));
    }

    [Fact]
    public async Task A_genuine_error_on_a_working_session_is_thrown_without_reopening()
    {
        Onc.AddContactCode = _ => 17;
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550152")));

        Assert.Equal(17, error.Code);
        Assert.Equal("AddCampaignContact", error.Operation);
        Assert.Equal(1, Onc.Count("OpenAPISession"));
        Assert.Equal(1, Onc.Count("AddCampaignContact"));
        Assert.Equal(1, Onc.Count("GetCampaignListing"));
    }

    [Fact]
    public async Task Concurrent_callers_that_find_the_session_gone_share_one_reopen()
    {
        await using var client = new OncClient(Onc.Options());
        await client.GetCampaignListingAsync();
        Onc.ExpireSessions();
        Onc.OpenDelay = TimeSpan.FromMilliseconds(100);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetCampaignsAsync()));

        Assert.Equal(2, Onc.Count("OpenAPISession"));
    }

    [Fact]
    public async Task DisposeAsync_closes_the_session_it_opened()
    {
        var client = new OncClient(Onc.Options());
        await client.GetCampaignListingAsync();
        var session = Assert.Single(Onc.IssuedSessions);

        await client.DisposeAsync();

        Assert.Equal(session, (string?)Assert.Single(Onc.CallsTo("CloseAPISession")).Element(Tempuri + "sessionId"));
        Assert.False(Onc.IsOpen(session));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetCampaignListingAsync());
    }

    [Fact]
    public async Task Dispose_without_a_session_sends_nothing_and_a_failed_close_does_not_throw()
    {
        await new OncClient(Onc.Options()).DisposeAsync();
        Assert.Empty(Onc.Calls);

        var client = new OncClient(Onc.Options());
        await client.GetCampaignListingAsync();
        Onc.ExpireSessions();
        client.Dispose(); // CloseAPISession answers an error code: logged, not thrown

        Assert.Equal(1, Onc.Count("CloseAPISession"));
    }

    [Fact]
    public async Task Refused_credentials_become_AccessTokenException_with_the_code_and_description_and_nothing_else_is_sent()
    {
        Onc.OpenFailure = (9, "Account locked");
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<AccessTokenException>(() => client.GetCampaignsAsync());

        Assert.Equal(("ONC", DeliveryState.NotSent), (error.Vendor, error.Delivery));
        Assert.Equal(("9", "Account locked"), (error.ErrorCode, error.VendorMessage));
        Assert.Equal("ONC: could not get an access token: Account locked (error code 9)", error.Message);
        var refused = Assert.IsType<OncException>(error.InnerException);
        Assert.True(refused.IsSessionFailure);
        Assert.Equal("OpenAPISession", refused.Operation);
        Assert.Equal(9, refused.Code);
        Assert.Equal("Account locked", refused.Description);
        Assert.Equal("ONC: OpenAPISession failed: Account locked (error code 9)", refused.Message);
        Assert.Equal(0, Onc.Count("GetCampaigns"));
    }
}
