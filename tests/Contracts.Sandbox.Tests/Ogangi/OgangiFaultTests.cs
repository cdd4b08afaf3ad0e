using Contracts.Ogangi;
using Contracts.Sandbox.Faults;
using Contracts.Sandbox.Ogangi;

namespace Contracts.Sandbox.Tests.Ogangi;

/// <summary>
/// Each fault the sandbox injects makes the Ogangi client behave as its issue promised: a retry where the pipeline
/// retries (429, 503), otherwise a clear <see cref="OgangiException"/> with the HTTP status and no credential in it.
/// </summary>
public sealed class OgangiFaultTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;

    private OgangiSimulator Ogangi => _sandbox.Ogangi;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private OgangiClient Client(Action<OgangiClientOptions>? configure = null)
    {
        var options = _sandbox.CreateOgangiClientOptions();
        options.RetryDelay = TimeSpan.Zero;
        configure?.Invoke(options);
        return new OgangiClient(options);
    }

    private static Task<SendSmsResult> SendAsync(OgangiClient client) => client.SendSmsAsync("13056708084", "hello", OgangiSandboxOptions.DemoShortCode);

    /// <summary>Neither the keys nor the signature of the call may show in what a caller logs.</summary>
    private void AssertNoCredential(Exception error)
    {
        var text = error.ToString();
        Assert.DoesNotContain(_sandbox.Options.Ogangi.PublicKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(_sandbox.Options.Ogangi.PrivateKey, text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9a-f]{64}", text);
    }

    [Fact]
    public async Task Throttling_with_retry_after_is_retried_and_the_sms_is_sent_once()
    {
        using var client = Client();
        Ogangi.Faults.Enqueue(SandboxFault.TooManyRequests(TimeSpan.FromSeconds(1)), times: 2);

        var sent = await SendAsync(client);

        Assert.Equal("SENT_TO_CARRIER", Assert.Single(sent.Messages!).Status);
        Assert.Single(Ogangi.SentMessages);
    }

    [Fact]
    public async Task Unavailable_past_the_retries_is_a_clear_error_with_the_status()
    {
        using var client = Client(o => o.MaxRetries = 1);
        Ogangi.Faults.Enqueue(SandboxFault.ServerError(503), times: 2);

        var error = await Assert.ThrowsAsync<OgangiException>(() => SendAsync(client));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(OgangiStatus.Unreadable, error.Status);
        Assert.StartsWith("Ogangi: sendSMS answered ", error.Message, StringComparison.Ordinal);
        AssertNoCredential(error);
        Assert.Empty(Ogangi.SentMessages);
    }

    [Fact]
    public async Task An_internal_server_error_is_reported_without_a_retry()
    {
        using var client = Client();
        Ogangi.Faults.Enqueue(SandboxFault.ServerError(500));

        var error = await Assert.ThrowsAsync<OgangiException>(() => SendAsync(client));
        await SendAsync(client); // the next call is answered normally: the 500 was not retried behind the caller's back

        Assert.Equal(500, error.StatusCode);
        AssertNoCredential(error);
        Assert.Single(Ogangi.SentMessages);
    }

    [Fact]
    public async Task Malformed_xml_is_a_clear_error_with_the_http_status_and_no_credential()
    {
        using var client = Client();
        Ogangi.Faults.Enqueue(SandboxFault.Malformed("application/xml"));

        var error = await Assert.ThrowsAsync<OgangiException>(() => client.GetMoMessagesAsync(1, 10));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(OgangiStatus.Unreadable, error.Status);
        Assert.Contains("malformed XML", error.Message, StringComparison.Ordinal);
        AssertNoCredential(error);
    }

    [Fact]
    public async Task An_html_error_page_is_a_clear_error_with_the_http_status_and_no_credential()
    {
        using var client = Client(o => o.MaxRetries = 0);
        Ogangi.Faults.Enqueue(SandboxFault.HtmlErrorPage(502));

        var error = await Assert.ThrowsAsync<OgangiException>(() => SendAsync(client));

        Assert.Equal(502, error.StatusCode);
        Assert.Equal(OgangiStatus.Unreadable, error.Status);
        Assert.Contains("answered an HTML page (text/html)", error.Message, StringComparison.Ordinal);
        AssertNoCredential(error);
        Assert.Empty(Ogangi.SentMessages);
    }

    [Fact]
    public async Task The_containers_own_404_page_is_a_clear_error_too()
    {
        // A base URL one folder off (…/ogangi/rest/api/ instead of …/ogangi/): every call lands on no method.
        var options = _sandbox.CreateOgangiClientOptions();
        options.BaseUrl = new Uri(_sandbox.OgangiBaseUrl, "rest/api/");
        using var client = new OgangiClient(options);

        var error = await Assert.ThrowsAsync<OgangiException>(() => SendAsync(client));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("answered an HTML page", error.Message, StringComparison.Ordinal);
        AssertNoCredential(error);
    }

    [Fact]
    public async Task A_vendor_slower_than_the_timeout_is_reported_as_a_timeout_and_nothing_is_sent()
    {
        using var client = Client(o => o.Timeout = TimeSpan.FromSeconds(1));
        Ogangi.Faults.Delay = TimeSpan.FromSeconds(30);

        var error = await Assert.ThrowsAsync<Contracts.Core.VendorTimeoutException>(() => SendAsync(client));

        Assert.Equal(TimeSpan.FromSeconds(1), error.Timeout);
        // The request left before the deadline: the SMS's fate is unknown to the client.
        Assert.Equal(Contracts.Core.DeliveryState.Unknown, error.Delivery);
        Assert.Empty(Ogangi.SentMessages);
    }

    [Fact]
    public async Task An_internal_error_is_ogangis_documented_error()
    {
        using var client = Client();
        Ogangi.FailsInternally = true;

        var error = await Assert.ThrowsAsync<OgangiException>(() => client.GetMoMessagesAsync(1, 10));

        Assert.Equal(OgangiStatus.Error, error.Status);
        Assert.Equal("Internal error, please report this to support@messangi.com", error.VendorMessage);
        AssertNoCredential(error);
    }

    [Fact]
    public async Task Credential_expiry_changes_nothing_because_ogangi_signatures_do_not_expire()
    {
        using var client = Client();
        Ogangi.Faults.ExpireCredentialsAfter(requests: 1);

        for (var i = 0; i < 3; i++)
            await SendAsync(client);
        Ogangi.ExpireCredentials();
        await SendAsync(client);

        Assert.Equal(4, Ogangi.SentMessages.Count);
        Assert.All(Ogangi.SentMessages, m => Assert.Equal("SENT_TO_CARRIER", m.Status));
    }
}
