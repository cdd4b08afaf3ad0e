using Contracts.Core;
using static Contracts.Onc.Tests.OncContract;

namespace Contracts.Onc.Tests;

/// <summary>
/// An answer whose SOAP body is empty is unreadable for every operation: nobody can tell what the service did. What
/// that means for the requests around a call: a session check answered so proves nothing (the call's own verdict
/// stands, nothing is sent again), a session open answered so opens nothing (and the next call tries again), a close
/// answered so is no refusal.
/// </summary>
public sealed class EmptyBodyTests : FakeOncTests
{
    private static (int, string, string) Empty => (200, "text/xml; charset=utf-8", $"<s:Envelope xmlns:s=\"{Soap}\"><s:Body/></s:Envelope>");

    [Fact]
    public async Task A_refused_call_whose_session_check_is_answered_empty_is_the_calls_own_refusal()
    {
        await using var client = await RefusingContactsWithAnEmptyCheckAsync();

        var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550800")).WaitAsync(Bound.Test));

        Assert.Equal(("AddCampaignContact", 17, DeliveryState.Refused), (error.Operation, error.Code, error.Delivery));
        Assert.Equal((1, 1), (Onc.Count("AddCampaignContact"), Onc.Count("OpenAPISession")));
    }

    [Fact]
    public async Task A_batch_contact_refused_while_the_session_check_is_answered_empty_is_rejected_with_its_code()
    {
        await using var client = await RefusingContactsWithAnEmptyCheckAsync();

        var report = await client.AddCampaignContactsAsync([Samples.NewContact("+15550800")]).WaitAsync(Bound.Test);

        Assert.Equal((1, 0), (report.RejectedCount, report.UnknownCount));
        Assert.Equal(1, Onc.Count("AddCampaignContact"));
    }

    /// <summary>A client with an open session; the service refuses contacts (code 17) and answers the next session check empty.</summary>
    private async Task<OncClient> RefusingContactsWithAnEmptyCheckAsync()
    {
        var client = new OncClient(Onc.Options());
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        Onc.AddContactCode = _ => 17;
        Onc.Intercept = (operation, attempt) => (operation, attempt) is ("GetCampaignListing", 2) ? Empty : null;
        return client;
    }

    [Fact]
    public async Task A_faulted_read_whose_fresh_session_check_is_answered_empty_is_not_sent_again()
    {
        await using var client = new OncClient(Onc.Options());
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        Onc.FaultEverything = true;
        // The read faults, the check on its session faults: a new session is opened and checked, and that check is empty.
        Onc.Intercept = (operation, attempt) => (operation, attempt) is ("GetCampaignListing", 3) ? Empty : null;

        var error = await Assert.ThrowsAsync<OncException>(() => client.GetCampaignsAsync().WaitAsync(Bound.Test));

        Assert.Equal("GetCampaigns", error.Operation);
        Assert.Equal((1, 2), (Onc.Count("GetCampaigns"), Onc.Count("OpenAPISession")));
    }

    [Fact]
    public async Task A_session_open_answered_empty_opens_nothing_and_the_next_call_opens_one()
    {
        Onc.Intercept = (operation, attempt) => (operation, attempt) is ("OpenAPISession", 1) ? Empty : null;
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<AccessTokenException>(() => client.GetCampaignListingAsync().WaitAsync(Bound.Test));

        Assert.Equal(DeliveryState.NotSent, error.Delivery);
        Assert.IsType<UnreadableAnswerException>(error.InnerException);
        Assert.Equal([Samples.SpringCampaign], await client.GetCampaignListingAsync().WaitAsync(Bound.Test));
        Assert.Equal(2, Onc.Count("OpenAPISession"));
    }

    [Fact]
    public async Task A_close_answered_empty_is_unreadable_not_a_refusal_and_the_next_call_opens_a_session()
    {
        await using var client = new OncClient(Onc.Options());
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        Onc.Intercept = (operation, _) => operation == "CloseAPISession" ? Empty : null;

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => client.CloseSessionAsync().WaitAsync(Bound.Test));

        Assert.Equal(("CloseAPISession", DeliveryState.Unknown), (error.Operation, error.Delivery));
        Assert.Equal([Samples.SpringCampaign], await client.GetCampaignListingAsync().WaitAsync(Bound.Test));
        Assert.Equal(2, Onc.Count("OpenAPISession"));
    }
}
