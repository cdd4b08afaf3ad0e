using System.Diagnostics;
using Contracts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Contracts.Ogangi.Tests;

/// <summary>
/// Ogangi signs its path: the public key, a signature valid for that exact call, the recipient's number and the
/// message text all travel in the URL. HttpClient's own span (System.Net.Http) records the URL in <c>url.full</c>;
/// the SDK's transport makes no such span, and its own span names the route template. Listening to every source
/// in the process, nothing carries any of those values.
/// </summary>
public sealed class TracingSecretTests : IAsyncLifetime
{
    private FakeOgangi _ogangi = null!;

    public async Task InitializeAsync() => _ogangi = await FakeOgangi.StartAsync();

    public async Task DisposeAsync() => await _ogangi.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_span_or_measurement_anywhere_carries_the_signed_path_of_a_sendSMS(bool registered)
    {
        // Values no other test uses, so that a span from a test running alongside cannot be mistaken for a leak: every
        // value of the path long enough to be searched for below, the sender's number included (the documentation's
        // 19893653744 is in many tests' paths).
        var unique = Guid.NewGuid().ToString("N");
        var publicKey = "pk" + unique[..16];
        var phone = "1305" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var from = "1989" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = "otel text " + unique[16..];
        _ogangi.Answer = _ => (200, "application/xml", DocumentSamples.SendSms);
        using var capture = new TelemetryCapture();

        if (registered)
        {
            var services = new ServiceCollection();
            services.AddOgangiClient(o =>
            {
                o.BaseUrl = _ogangi.BaseUrl;
                o.InstanceId = FakeOgangi.InstanceId;
                o.PublicKey = publicKey;
                o.PrivateKey = FakeOgangi.PrivateKey;
                o.MaxRetries = 0;
            });
            await using var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<IOgangiClient>().SendSmsAsync(phone, text, from);
        }
        else
        {
            using var client = new OgangiClient(_ogangi.Options(o => { o.PublicKey = publicKey; o.MaxRetries = 0; }));
            await client.SendSmsAsync(phone, text, from);
        }

        var call = Assert.Single(_ogangi.Calls);
        Assert.Equal(publicKey, call.PublicKey);
        var ours = Assert.Single(capture.Activities, a => a.Source.Name == OgangiClient.ProductName && a.GetTagItem("server.port") is int port && port == _ogangi.Server.BaseUrl.Port);
        Assert.Equal("Ogangi sendSms", ours.DisplayName);
        Assert.Equal(ActivityKind.Client, ours.Kind);
        Assert.Equal("tools/sendSMS/{instanceId}/{carrier}/{from}/{mobileNumber}/{text}/{publicKey}/{signature}", ours.GetTagItem("url.template"));
        Assert.Equal("success", ours.GetTagItem("contracts.outcome"));
        Assert.DoesNotContain(capture.Activities, a => a.Source.Name == "System.Net.Http" && a.TraceId == ours.TraceId);

        // Every value of the signed path, as sent (percent- and base64url-encoded) and decoded.
        string[] secrets = [publicKey, call.Signature, phone, from, text, Uri.EscapeDataString(text), .. call.RawParameters.Where(p => p.Length >= 8), .. call.Parameters.Where(p => p.Length >= 8)];
        Assert.Contains(call.Signature, secrets);
        capture.AssertNoneContains(secrets);
    }

    [Fact]
    public async Task A_transport_with_the_default_propagator_would_leak_the_path_which_is_why_ours_has_none()
    {
        // The control: the same listener sees HttpClient's span, and its url.full, over a SocketsHttpHandler as
        // .NET builds it by default. Without this, the test above could pass because nothing was listened to.
        var marker = "control" + Guid.NewGuid().ToString("N");
        using var capture = new TelemetryCapture(source => source.Name == "System.Net.Http", _ => false);
        using var http = new HttpClient(new SocketsHttpHandler());

        using var response = await http.GetAsync(new Uri(_ogangi.BaseUrl, $"tools/sendSMS/{marker}"));

        Assert.Contains(capture.AllTexts(), t => t.Contains(marker, StringComparison.Ordinal));
    }
}
