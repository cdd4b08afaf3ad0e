using Contracts.Core.Validation;

namespace Contracts.Onc.Tests;

/// <summary>Null lists, SOAP faults, HTTP errors, retries and cancellation.</summary>
public sealed class ErrorAndTransportTests : FakeOncTests
{
    [Fact]
    public async Task A_null_list_on_a_working_session_becomes_OncException()
    {
        Onc.Intercept = (operation, _) => operation == "GetCampaignContacts"
            ? (200, "text/xml; charset=utf-8", Envelope("<GetCampaignContactsResponse xmlns=\"http://tempuri.org/\"><GetCampaignContactsResult i:nil=\"true\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"/></GetCampaignContactsResponse>"))
            : null;
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<OncException>(() => client.GetCampaignContactsAsync(Samples.SpringCampaign));

        Assert.Null(error.Code);
        Assert.Equal("GetCampaignContacts", error.Operation);
        Assert.Contains("without a list", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Onc.Count("OpenAPISession")); // the session check answered a list: not a session problem
    }

    [Fact]
    public async Task A_soap_fault_becomes_OncException_with_the_reason_and_status()
    {
        Onc.Intercept = (operation, _) => operation == "GetCampaigns"
            ? (500, "text/xml; charset=utf-8", Envelope("<s:Fault><faultcode>s:Server</faultcode><faultstring xml:lang=\"en-US\">Database unavailable</faultstring></s:Fault>"))
            : null;
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<OncException>(() => client.GetCampaignsAsync());

        Assert.Equal(500, error.StatusCode);
        Assert.Equal("Database unavailable", error.Description);
        Assert.IsType<System.ServiceModel.FaultException>(error.InnerException);
    }

    [Fact]
    public async Task An_html_error_page_becomes_OncException_with_the_http_status()
    {
        Onc.Intercept = (operation, _) => operation == "GetCampaigns" ? (502, "text/html", "<html>Bad gateway</html>") : null;
        await using var client = new OncClient(Onc.Options(o => o.MaxRetries = 0));

        var error = await Assert.ThrowsAsync<OncException>(() => client.GetCampaignsAsync());

        Assert.Equal(502, error.StatusCode);
        Assert.Equal("GetCampaigns", error.Operation);
    }

    [Theory]
    [InlineData("<response><status>OK</sta")]
    [InlineData("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><GetCampaignsResponse xmlns=\"http://tempuri.org/\"><GetCamp")]
    [InlineData("not xml at all")]
    public async Task An_answer_that_is_not_readable_soap_becomes_OncException_with_the_http_status(string body)
    {
        Onc.Intercept = (operation, _) => operation == "GetCampaigns" ? (200, "text/xml; charset=utf-8", body) : null;
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<OncException>(() => client.GetCampaignsAsync());

        Assert.Equal((200, "GetCampaigns"), (error.StatusCode, error.Operation));
        Assert.Contains("could not be read as SOAP", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeOnc.Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_503_is_retried_by_the_pipeline_with_the_same_body()
    {
        Onc.Intercept = (operation, attempt) => operation == "GetCampaigns" && attempt == 1 ? (503, "text/plain", "busy") : null;
        await using var client = new OncClient(Onc.Options(o => o.MaxRetries = 2));

        var campaigns = await client.GetCampaignsAsync();

        Assert.Single(campaigns);
        var calls = Onc.CallsTo("GetCampaigns");
        Assert.Equal(2, calls.Count);
        Assert.Equal(calls[0].ToString(), calls[1].ToString());
    }

    [Fact]
    public async Task Cancelling_aborts_the_request_and_throws_OperationCanceledException()
    {
        await using var client = new OncClient(Onc.Options());
        await client.GetCampaignListingAsync();
        Onc.CallDelay = TimeSpan.FromSeconds(30);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetCampaignsAsync(cancel.Token));

        Assert.Equal(cancel.Token, error.CancellationToken);
        Onc.CallDelay = TimeSpan.Zero;
        Assert.Single(await client.GetCampaignsAsync()); // the client still works
    }

    [Fact]
    public async Task Already_cancelled_calls_send_nothing()
    {
        await using var client = new OncClient(Onc.Options());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetCampaignsAsync(new CancellationToken(canceled: true)));

        Assert.Empty(Onc.Calls);
    }

    [Fact]
    public async Task Invalid_input_is_refused_before_anything_is_sent()
    {
        await using var client = new OncClient(Onc.Options());
        var tooManyRetries = Samples.NewContact("+15550160");
        tooManyRetries.SMSCommInfo!.RetryCount = 256;

        var retry = await Assert.ThrowsAsync<InvalidRequestException>(() => client.AddCampaignContactAsync(tooManyRetries));
        Assert.Contains("SMSCommInfo.RetryCount must be between 0 and 255", retry.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidRequestException>(() => client.AddCampaignContactAsync(new OutboundNotificationContactInfo { CampaignId = Samples.SpringCampaign }));
        await Assert.ThrowsAsync<InvalidRequestException>(() => client.UpdateCampaignContactAsync(Samples.NewContact("+15550161", Guid.Empty)));
        await Assert.ThrowsAsync<InvalidRequestException>(() => client.UpdateCampaignAsync(Samples.NewCampaign(Guid.Empty)));
        await Assert.ThrowsAsync<InvalidRequestException>(() => client.DeleteCampaignAsync(Guid.Empty));
        await Assert.ThrowsAsync<InvalidRequestException>(() => client.GetCampaignContactsAsync(Guid.Empty));
        await Assert.ThrowsAsync<InvalidRequestException>(() => client.AddCampaignAsync(null!));

        Assert.Empty(Onc.Calls);
    }

    private static string Envelope(string body) => $"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>{body}</s:Body></s:Envelope>";
}
