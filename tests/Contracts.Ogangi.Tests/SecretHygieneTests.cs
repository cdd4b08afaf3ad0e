using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Contracts.Ogangi.Tests;

/// <summary>
/// The private key never reaches logs, exception messages or ToString; neither do the public key and the signatures,
/// which an error page or a request log would otherwise carry (a signature stays valid for its exact call).
/// </summary>
public sealed class SecretHygieneTests : IAsyncLifetime
{
    private const string EchoPage = "<html><body><h1>502</h1><p>Upstream failed for {0}</p></body></html>";

    private FakeOgangi _ogangi = null!;
    private readonly FakeLogCollector _logs = new();

    public async Task InitializeAsync() => _ogangi = await FakeOgangi.StartAsync();

    public async Task DisposeAsync() => await _ogangi.DisposeAsync();

    [Fact]
    public async Task Keys_and_signatures_stay_out_of_logs_and_exceptions_through_success_and_failure()
    {
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        var errors = new List<Exception>();
        using (var client = new OgangiClient(_ogangi.Options(o => o.MaxRetries = 0), loggerFactory))
            await RunScenarioAsync(client, errors);

        AssertNoSecret(errors);
    }

    [Fact]
    public async Task Registered_client_logs_no_url_either()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        services.AddOgangiClient(o =>
        {
            o.BaseUrl = _ogangi.BaseUrl;
            o.InstanceId = FakeOgangi.InstanceId;
            o.PublicKey = FakeOgangi.PublicKey;
            o.PrivateKey = FakeOgangi.PrivateKey;
            o.MaxRetries = 0;
        });
        await using var provider = services.BuildServiceProvider();
        var errors = new List<Exception>();

        await RunScenarioAsync(provider.GetRequiredService<IOgangiClient>(), errors);

        AssertNoSecret(errors);
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Message.Contains("/mmc/rest/api/", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_and_signer_text_redact_the_private_key()
    {
        var text = _ogangi.Options().ToString();
        Assert.DoesNotContain(FakeOgangi.PrivateKey, text, StringComparison.Ordinal);
        Assert.Contains("PrivateKey = ***", text, StringComparison.Ordinal);
        Assert.Contains("InstanceId = 8", text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeOgangi.PrivateKey, new OgangiSigner(FakeOgangi.PrivateKey).ToString(), StringComparison.Ordinal);
    }

    private async Task RunScenarioAsync(IOgangiClient client, List<Exception> errors)
    {
        await client.SendSmsAsync("13056708084", "hello", "19893653744");
        await client.GetMoMessagesAsync(1, 10, OgangiOperations.VendorExampleFilter);

        _ogangi.Answer = call => (200, "application/xml", DocumentSamples.Refusal(call.Method!, "BAD_SIGNATURE", DocumentSamples.BadSignatureDescription));
        errors.Add(await Assert.ThrowsAsync<OgangiException>(() => client.SendMtAsync("13056708084", "hello", "19893653744")));
        _ogangi.Answer = call => (502, "text/html", string.Format(System.Globalization.CultureInfo.InvariantCulture, EchoPage, call.Request.Path));
        errors.Add(await Assert.ThrowsAsync<OgangiException>(() => client.SendPinAsync("13056708084", "PIN", "43", 6)));
        _ogangi.Answer = call => (200, "application/xml", $"<response><status>OK</status><x>{call.Request.Path}</y></response>");
        errors.Add(await Assert.ThrowsAsync<OgangiException>(() => client.FireMessageAsync("13056708084", "hello")));
        _ogangi.Answer = call => (500, "application/xml", $"<response><status>ERROR</status><description>{call.Request.Path}</description></response>");
        errors.Add(await Assert.ThrowsAsync<OgangiException>(() => client.FireMessageAsync("13056708084", "hello")));
        _ogangi.Answer = null;
    }

    private void AssertNoSecret(List<Exception> errors)
    {
        var signatures = _ogangi.Calls.Select(c => c.Signature).ToList();
        Assert.Equal(6, signatures.Count);
        var logText = string.Join('\n', _logs.GetSnapshot().Select(r => r.Message + " " + r.Exception));
        Assert.NotEmpty(_logs.GetSnapshot());
        // The last error quotes Ogangi's own description (here the path): the vendor's words, shown as they came.
        var exceptionText = string.Join('\n', errors.Take(3).Select(e => e.ToString() + e.Message));
        foreach (var secret in signatures.Append(FakeOgangi.PrivateKey).Append(FakeOgangi.PublicKey))
        {
            Assert.DoesNotContain(secret, logText, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, exceptionText, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(FakeOgangi.PrivateKey, errors[3].ToString(), StringComparison.Ordinal);
    }
}
