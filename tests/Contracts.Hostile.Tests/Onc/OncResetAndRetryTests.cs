using Contracts.Core;
using Contracts.Onc;

namespace Contracts.Hostile.Tests.Onc;

/// <summary>
/// AddCampaignContact is not idempotent (the WSDL does not mark it): once the server has read it, nothing sends it
/// again, neither after a reset nor after a 503/504. A 429 says the service did nothing, so it is sent again;
/// GetCampaignListing is idempotent, so a 503/504 on it is retried.
/// </summary>
public sealed class OncResetAndRetryTests : OncHost
{
    /// <summary>
    /// These tests are about what is sent again, not about time: a Timeout far above the host's 2 s, so that a loaded
    /// machine's cold session open cannot end the call before its retries are seen.
    /// </summary>
    private OncClient RetryingClient(int maxRetries) => Client(o => (o.MaxRetries, o.Timeout) = (maxRetries, TimeSpan.FromSeconds(10)));

    [Fact]
    public async Task Reset_after_reading_AddCampaignContact_is_a_transport_failure_and_it_is_sent_once()
    {
        AddContactScript = (_, exchange) =>
        {
            exchange.Reset();
            return Task.CompletedTask;
        };
        await using var client = RetryingClient(3);

        var error = await Guarantees.ThrowsWithin<VendorTransportException>(() => client.AddCampaignContactAsync(NewContact("+15550300")));

        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        await Task.Delay(200);
        Assert.Single(AddContactRequests);
        Guarantees.NoSecretIn(error, Secrets);
    }

    [Fact]
    public async Task Reset_on_accept_is_a_typed_error_and_nothing_is_recorded()
    {
        Server.ResetOnAccept = 1000;
        await using var client = RetryingClient(2);

        var error = await Guarantees.FailsWithin(() => client.AddCampaignContactAsync(NewContact("+15550301")));

        var typed = Assert.IsAssignableFrom<VendorApiException>(error);
        Assert.IsType<AccessTokenException>(typed); // the session could not be opened, so the contact never left
        Assert.Equal(DeliveryState.NotSent, typed.Delivery);
        Assert.Empty(Server.Requests);
        Assert.True(Server.ConnectionsAccepted >= 1);
        Guarantees.NoSecretIn(error, Secrets);
    }

    [Fact]
    public async Task Too_many_requests_on_AddCampaignContact_is_sent_again()
    {
        var seen = 0;
        AddContactScript = (_, exchange) => Interlocked.Increment(ref seen) == 1
            ? exchange.RespondAsync(429, "<html>slow down</html>", "text/html")
            : AnswerAsync(exchange, CodeAnswer(AddContact, 0));
        await using var client = RetryingClient(2);

        await client.AddCampaignContactAsync(NewContact("+15550302")).WaitAsync(Guarantees.Patience);

        Assert.Equal(2, AddContactRequests.Count);
        Assert.Equal(ContactIdOf(AddContactRequests[0]), ContactIdOf(AddContactRequests[1]));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Unavailable_on_AddCampaignContact_is_not_retried_and_its_delivery_is_unknown(int status)
    {
        AddContactScript = (_, exchange) => exchange.RespondAsync(status, "<html>busy</html>", "text/html");
        await using var client = RetryingClient(3);

        var error = await Guarantees.ThrowsWithin<OncException>(() => client.AddCampaignContactAsync(NewContact("+15550303")));

        Assert.Equal((status, DeliveryState.Unknown, AddContact), (error.StatusCode, error.Delivery, error.Operation));
        await Task.Delay(200);
        Assert.Single(AddContactRequests);
        Guarantees.NoSecretIn(error, Secrets);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Unavailable_then_OK_on_GetCampaignListing_is_retried(int status)
    {
        var seen = 0;
        ListingScript = (_, exchange) => Interlocked.Increment(ref seen) == 1
            ? exchange.RespondAsync(status, "<html>busy</html>", "text/html")
            : AnswerAsync(exchange, ListingAnswer(Campaign));
        await using var client = RetryingClient(2);

        var listing = await client.GetCampaignListingAsync().WaitAsync(Guarantees.Patience);

        Assert.Equal([Campaign], listing);
        Assert.Equal(2, ListingRequests.Count);
        Assert.Equal(ListingRequests[0].BodyText, ListingRequests[1].BodyText);
    }

    [Fact]
    public async Task An_XML_invalid_string_is_refused_before_anything_is_sent()
    {
        await using var client = Client();
        var contact = NewContact("+1555\u00010304");

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.AddCampaignContactAsync(contact).WaitAsync(Guarantees.Patience));

        Assert.Empty(AddContactRequests);
    }
}
