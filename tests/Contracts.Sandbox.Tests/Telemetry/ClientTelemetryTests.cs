using System.Diagnostics;
using Contracts.Accengage;
using Contracts.Core;
using Contracts.Engage;
using Contracts.Ogangi;
using Contracts.Onc;
using Contracts.Sandbox.Engage;
using Contracts.Sandbox.Ogangi;
using Contracts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Contracts.Sandbox.Tests.Telemetry;

/// <summary>
/// What an operator sees of real calls of the four clients, built both ways (constructor and DI): every span of every
/// source (HttpClient's included), every measurement of every meter (System.Net.Http's included) and every log
/// record of every category (IHttpClientFactory's included). A refusal's span carries the vendor's error code and
/// request id; no span, tag, event, measurement, log message or log state carries a secret or a personal value.
/// </summary>
/// <remarks>
/// Listeners are process-wide: this test's spans are those of the trace it starts itself. Measurements and logs of
/// other tests are searched for secrets too, which only makes the check wider.
/// </remarks>
[Collection(TelemetryCollection.Name)]
public sealed class ClientTelemetryTests : IAsyncLifetime
{
    private const string PhoneNumber = "13056708084";
    private const string MessageText = "telemetry-message-text-7c1e";
    private static readonly ActivitySource TestSource = new("Contracts.Sandbox.Tests.Telemetry");
    private readonly FakeLogCollector _logs = new();
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    public static TheoryData<bool> BothWays => new() { false, true };

    [Theory]
    [MemberData(nameof(BothWays))]
    public async Task Engage_calls_are_spans_with_the_refusals_error_code_and_request_id(bool dependencyInjection)
    {
        using var capture = new TelemetryCapture();
        var push = EngagePush.FromANumberGroup(EngageSandboxOptions.DemoProgram, EngageSandboxOptions.DemoANumberGroup);
        var destinations = new[] { new Destination { BNumber = "+" + PhoneNumber, Personalization = new Dictionary<string, string> { ["text"] = MessageText } } };
        EngageException refused;
        using (var trace = TestSource.StartActivity("engage"))
        await using (var services = Services(dependencyInjection, s => s.AddEngageClient(Copy(_sandbox.CreateEngageClientOptions()))))
        {
            var client = dependencyInjection ? services.GetRequiredService<IEngageClient>() : _sandbox.CreateEngageClient(LoggerFactory());
            await client.PushAsync(push, destinations);
            refused = await Assert.ThrowsAnyAsync<EngageException>(() => client.PushAsync(EngagePush.FromANumberGroup(Guid.NewGuid(), EngageSandboxOptions.DemoANumberGroup), destinations));
            (client as IDisposable)?.Dispose();
        }

        var spans = SpansOf(capture, "ENGAGE pushBatch");
        AssertSucceeded(spans[0]);
        AssertRefused(spans[1], refused, "Contracts.Engage.EngageException`1");
        Assert.NotNull(refused.RequestId);
        AssertInstruments(capture, "ENGAGE");
        AssertNoSecret(capture, [_sandbox.Options.Engage.ClientSecret, PhoneNumber, MessageText]);
    }

    [Theory]
    [MemberData(nameof(BothWays))]
    public async Task Ogangi_calls_are_spans_with_the_refusals_status_and_no_signed_path(bool dependencyInjection)
    {
        using var capture = new TelemetryCapture();
        var wrongKey = _sandbox.CreateOgangiClientOptions();
        wrongKey.PrivateKey = "not-the-private-key-5d3a";
        OgangiException refused;
        string? signature, wrongSignature;
        using (var trace = TestSource.StartActivity("ogangi"))
        {
            await using (var services = Services(dependencyInjection, s => s.AddOgangiClient(Copy(_sandbox.CreateOgangiClientOptions()))))
            {
                var client = dependencyInjection ? services.GetRequiredService<IOgangiClient>() : _sandbox.CreateOgangiClient(LoggerFactory());
                await client.SendSmsAsync(PhoneNumber, MessageText, OgangiSandboxOptions.DemoShortCode);
                signature = _sandbox.Ogangi.LastSignatureReceived;
                (client as IDisposable)?.Dispose();
            }
            await using (var services = Services(dependencyInjection, s => s.AddOgangiClient(Copy(wrongKey))))
            {
                var client = dependencyInjection ? services.GetRequiredService<IOgangiClient>() : new OgangiClient(wrongKey, LoggerFactory());
                refused = await Assert.ThrowsAsync<OgangiException>(() => client.SendSmsAsync(PhoneNumber, MessageText, OgangiSandboxOptions.DemoShortCode));
                wrongSignature = _sandbox.Ogangi.LastSignatureReceived;
                (client as IDisposable)?.Dispose();
            }
        }

        var spans = SpansOf(capture, "Ogangi sendSms");
        AssertSucceeded(spans[0]);
        // HTTP 200 with BAD_SIGNATURE in the body: the span still ends with Ogangi's verdict.
        AssertRefused(spans[1], refused, "Contracts.Ogangi.OgangiException");
        Assert.Equal("BAD_SIGNATURE", refused.ErrorCode);
        AssertInstruments(capture, "Ogangi");
        // The signatures the client computed, as the sandbox received them: replayable, so never in telemetry.
        Assert.NotNull(signature);
        Assert.NotNull(wrongSignature);
        Assert.NotEqual(signature, wrongSignature);
        AssertNoSecret(capture, [_sandbox.Options.Ogangi.PrivateKey, _sandbox.Options.Ogangi.PublicKey, wrongKey.PrivateKey, signature, wrongSignature, PhoneNumber, MessageText, OgangiBase64UrlOf(MessageText), OgangiBase64UrlOf(PhoneNumber)]);
    }

    [Theory]
    [MemberData(nameof(BothWays))]
    public async Task Accengage_calls_are_spans_with_the_refusals_label(bool dependencyInjection)
    {
        using var capture = new TelemetryCapture();
        AccengageException refused;
        using (var trace = TestSource.StartActivity("accengage"))
        await using (var services = Services(dependencyInjection, s => s.AddAccengageClient(Copy(_sandbox.CreateAccengageClientOptions()))))
        {
            var client = dependencyInjection ? services.GetRequiredService<IAccengageClient>() : _sandbox.CreateAccengageClient(LoggerFactory());
            await client.GetMeAsync();
            refused = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(() => client.GetCampaignAsync("myPartnerId", long.MaxValue));
            (client as IDisposable)?.Dispose();
        }

        AssertSucceeded(Assert.Single(SpansOf(capture, "Accengage getMe")));
        AssertRefused(Assert.Single(SpansOf(capture, "Accengage getCampaign")), refused, "Contracts.Accengage.AccengageException`1");
        Assert.NotNull(refused.ErrorCode);
        AssertInstruments(capture, "Accengage");
        AssertNoSecret(capture, [_sandbox.Options.Accengage.ApiKey, _sandbox.Options.Accengage.UserEmail]);
    }

    [Theory]
    [MemberData(nameof(BothWays))]
    public async Task Onc_calls_are_spans_with_the_operations_error_code_and_sessions_are_counted(bool dependencyInjection)
    {
        using var capture = new TelemetryCapture();
        OncException refused;
        string? sessionId;
        using (var trace = TestSource.StartActivity("onc"))
        await using (var services = Services(dependencyInjection, s => s.AddOncClient(Copy(_sandbox.CreateOncClientOptions()))))
        {
            var client = dependencyInjection ? services.GetRequiredService<IOncClient>() : _sandbox.CreateOncClient(LoggerFactory());
            await client.GetCampaignListingAsync();
            refused = await Assert.ThrowsAsync<OncException>(() => client.DeleteCampaignAsync(Guid.NewGuid()));
            sessionId = _sandbox.Onc.LastSessionIdOpened;
            if (!dependencyInjection)
                await client.DisposeAsync();
        }

        AssertSucceeded(SpansOf(capture, "ONC GetCampaignListing")[0]);
        AssertRefused(Assert.Single(SpansOf(capture, "ONC DeleteCampaign")), refused, "Contracts.Onc.OncException");
        Assert.NotNull(refused.ErrorCode);
        AssertInstruments(capture, "ONC");
        Assert.Contains(capture.Of("contracts.client.token.acquisitions"), m => (string?)m.Tag("contracts.vendor") == "ONC" && (string?)m.Tag("contracts.result") == "success");
        // The session id the sandbox gave the client stands for the credentials until it expires: never in telemetry.
        Assert.NotNull(sessionId);
        AssertNoSecret(capture, [_sandbox.Options.Onc.Password, _sandbox.Options.Onc.UserName, sessionId]);
    }

    private static string OgangiBase64UrlOf(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Action<T> Copy<T>(T source)
        where T : class
        => target =>
        {
            foreach (var property in typeof(T).GetProperties().Where(p => p is { CanRead: true, CanWrite: true }))
                property.SetValue(target, property.GetValue(source));
        };

    private ILoggerFactory LoggerFactory()
        => Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));

    private ServiceProvider Services(bool dependencyInjection, Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        if (dependencyInjection)
            register(services);
        return services.BuildServiceProvider();
    }

    /// <summary>This test's spans named <paramref name="name"/>, in the order they started.</summary>
    private static List<Activity> SpansOf(TelemetryCapture capture, string name)
    {
        var traces = capture.Activities.Where(a => a.Source == TestSource).Select(a => a.TraceId).ToHashSet();
        var spans = capture.Activities.Where(a => a.DisplayName == name && traces.Contains(a.TraceId)).OrderBy(a => a.StartTimeUtc).ToList();
        Assert.NotEmpty(spans);
        Assert.DoesNotContain(capture.Activities, a => a.Source.Name == "System.Net.Http" && traces.Contains(a.TraceId));
        return spans;
    }

    private static void AssertSucceeded(Activity span)
    {
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("success", span.GetTagItem("contracts.outcome"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Null(span.GetTagItem("contracts.vendor.error_code"));
        Assert.NotEqual(ActivityStatusCode.Error, span.Status);
    }

    private static void AssertRefused(Activity span, VendorApiException refused, string errorType)
    {
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("refused", span.GetTagItem("contracts.outcome"));
        Assert.Equal(errorType, span.GetTagItem("error.type"));
        Assert.Equal(refused.ErrorCode, span.GetTagItem("contracts.vendor.error_code"));
        Assert.Equal(refused.RequestId, span.GetTagItem("contracts.vendor.request_id"));
    }

    private static void AssertInstruments(TelemetryCapture capture, string vendor)
    {
        var ofVendor = capture.Measurements.Where(m => (string?)m.Tag("contracts.vendor") == vendor).ToList();
        Assert.Contains(ofVendor, m => m is { Instrument: "contracts.client.call.duration", Unit: "s" });
        Assert.Contains(ofVendor, m => m is { Instrument: "contracts.client.calls", Unit: "{call}" } && (string?)m.Tag("contracts.outcome") == "success");
        // HttpClient's own meter is on and sees these calls: it must carry no path either.
        Assert.Contains(capture.Measurements, m => m.Meter == "System.Net.Http");
    }

    private void AssertNoSecret(TelemetryCapture capture, IEnumerable<string> secrets)
    {
        var values = secrets.Where(s => !string.IsNullOrEmpty(s)).ToList();
        capture.AssertNoneContains(values);
        var logs = _logs.GetSnapshot();
        Assert.NotEmpty(logs);
        foreach (var record in logs)
        {
            var texts = new List<string> { record.Message, record.Category ?? "" };
            texts.AddRange((record.StructuredState ?? []).Select(kv => $"{kv.Key}={kv.Value}"));
            if (record.Exception is { } exception)
                texts.Add(exception.ToString());
            foreach (var secret in values)
                Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
        // IHttpClientFactory's loggers write each request's URL; the SDK's named clients have none.
        Assert.DoesNotContain(logs, r => r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true);
    }
}
