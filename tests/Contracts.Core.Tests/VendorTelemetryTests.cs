using System.Diagnostics;
using System.Net;
using Contracts.Core.Authentication;
using Contracts.Core.Batching;
using Contracts.Core.Http;
using Contracts.Core.Telemetry;
using Contracts.Testing;

namespace Contracts.Core.Tests;

/// <summary>
/// The pipeline's spans and instruments: names, tags and outcomes, and no secret or personal value anywhere. Each
/// test uses its own package name, so that parallel tests' spans and measurements never mix with its own.
/// </summary>
public sealed class VendorTelemetryTests
{
    private const string Vendor = "TESTV";
    private const string ClientSecret = "client-secret-4f1c9e";
    private const string Token = "token-value-8d2b7a";
    private const string Signature = "sig-b64-Zm9vYmFyYmF6";
    private const string Phone = "13056708084";
    private const string Text = "hello-from-the-telemetry-test";
    private static readonly string[] Secrets = [ClientSecret, Token, Signature, Phone, Text, Uri.EscapeDataString(Text)];

    private sealed class TestOptions : VendorClientOptions
    {
        protected internal override string VendorName => Vendor;

        protected internal override IEnumerable<string?> Secrets() => [ClientSecret];

        public override Uri ResolveBaseUrl() => BaseUrl!;

        protected override void ValidateVendorOptions(OptionsValidationBuilder failures)
        {
        }
    }

    /// <summary>A transport that answers from a script and echoes the request's URL in its answers, as hostile servers do.</summary>
    private sealed class ScriptedTransport(Func<int, HttpResponseMessage> answer) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(answer(Interlocked.Increment(ref _calls)));
    }

    private sealed class Tokens(string product) : CachingAccessTokenProvider(null, null, null, null)
    {
        public Func<Task<AccessToken>> Issue { get; set; } = () => Task.FromResult(new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1)));

        protected override string VendorName => Vendor;

        protected override VendorTelemetry Telemetry => VendorTelemetry.For(product);

        protected override Task<AccessToken> AcquireTokenAsync(CancellationToken cancellationToken) => Issue();
    }

    private static string UniqueProduct() => "Contracts.Tests." + Guid.NewGuid().ToString("N");

    private static TelemetryCapture Capture(string product)
        => new(source => source.Name == product, meter => meter.Name == product);

    private static HttpClient Client(string product, HttpMessageHandler transport, int maxRetries = 0)
    {
        var options = new TestOptions { BaseUrl = new Uri("http://127.0.0.1:8123/api/"), MaxRetries = maxRetries, RetryDelay = TimeSpan.Zero };
        var handlers = VendorHttpPipeline.CreateHandlers(options, product, authentication: new BearerTokenHandler(new Tokens(product)));
        return VendorHttpPipeline.CreateHttpClient(options, options.ResolveBaseUrl(), handlers, transport);
    }

    /// <summary>A request as a generated operation makes it: values in the path and query, the operation attached.</summary>
    private static HttpRequestMessage Request(HttpMethod method, bool idempotent = false)
    {
        var request = new HttpRequestMessage(method, $"push/{Phone}/{Signature}?text={Uri.EscapeDataString(Text)}&secret={ClientSecret}")
        {
            Content = new StringContent($"{{\"to\":\"{Phone}\",\"text\":\"{Text}\"}}"),
        };
        request.Options.Set(VendorOperation.Key, new VendorOperation("pushBatch", "push/{mobileNumber}/{signature}", idempotent));
        return request;
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string? location = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent($"echo {Phone} {Text} {Signature} {Token} {ClientSecret}") };
        if (location is not null)
            response.Headers.Location = new Uri(location);
        return response;
    }

    [Fact]
    public void One_source_and_one_meter_per_package_named_after_it()
    {
        var product = UniqueProduct();

        var telemetry = VendorTelemetry.For(product);

        Assert.Same(telemetry, VendorTelemetry.For(product));
        Assert.Equal(product, telemetry.ActivitySource.Name);
        Assert.Equal(product, telemetry.Meter.Name);
        Assert.Equal(typeof(VendorTelemetry).Assembly.GetName().Version!.ToString(3), telemetry.ActivitySource.Version);
        Assert.Equal(telemetry.ActivitySource.Version, telemetry.Meter.Version);
    }

    [Fact]
    public async Task A_successful_call_is_one_client_span_with_the_route_template_and_measurements()
    {
        var product = UniqueProduct();
        using var capture = Capture(product);
        using var http = Client(product, new ScriptedTransport(_ => Answer(HttpStatusCode.OK)));

        using var response = await http.SendAsync(Request(HttpMethod.Post));

        var span = Assert.Single(capture.Activities);
        Assert.Equal($"{Vendor} pushBatch", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("POST", span.GetTagItem("http.request.method"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(8123, span.GetTagItem("server.port"));
        Assert.Equal("push/{mobileNumber}/{signature}", span.GetTagItem("url.template"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(Vendor, span.GetTagItem("contracts.vendor"));
        Assert.Equal("pushBatch", span.GetTagItem("contracts.operation"));
        Assert.Equal("success", span.GetTagItem("contracts.outcome"));
        Assert.Equal(0, span.GetTagItem("contracts.retries"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Null(span.GetTagItem("url.full"));
        Assert.NotEqual(ActivityStatusCode.Error, span.Status);

        var duration = Assert.Single(capture.Of("contracts.client.call.duration"));
        Assert.Equal("s", duration.Unit);
        Assert.Equal("success", duration.Tag("contracts.outcome"));
        Assert.Equal(200, duration.Tag("http.response.status_code"));
        Assert.Equal("pushBatch", duration.Tag("contracts.operation"));
        Assert.Equal(Vendor, duration.Tag("contracts.vendor"));
        var calls = Assert.Single(capture.Of("contracts.client.calls"));
        Assert.Equal(1, calls.Value);
        Assert.Equal("success", calls.Tag("contracts.outcome"));
        var acquisition = Assert.Single(capture.Of("contracts.client.token.acquisitions"));
        Assert.Equal("success", acquisition.Tag("contracts.result"));
        Assert.Empty(capture.Of("contracts.client.retries"));
        capture.AssertNoneContains(Secrets);
    }

    [Fact]
    public async Task A_503_is_an_error_span_whose_outcome_is_unknown_and_retries_are_counted()
    {
        var product = UniqueProduct();
        using var capture = Capture(product);
        var transport = new ScriptedTransport(_ => Answer(HttpStatusCode.ServiceUnavailable));
        using var http = Client(product, transport, maxRetries: 2);

        using var response = await http.SendAsync(Request(HttpMethod.Get, idempotent: true));

        Assert.Equal(3, transport.Calls);
        var span = Assert.Single(capture.Activities);
        Assert.Equal("unknown", span.GetTagItem("contracts.outcome"));
        Assert.Equal(503, span.GetTagItem("http.response.status_code"));
        Assert.Equal("503", span.GetTagItem("error.type"));
        Assert.Equal(2, span.GetTagItem("contracts.retries"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(2, Assert.Single(capture.Of("contracts.client.retries")).Value);
        Assert.Equal("unknown", Assert.Single(capture.Of("contracts.client.calls")).Tag("contracts.outcome"));
        capture.AssertNoneContains(Secrets);
    }

    [Fact]
    public async Task A_refused_redirect_is_an_error_span_whose_outcome_is_refused_and_is_counted()
    {
        var product = UniqueProduct();
        using var capture = Capture(product);
        using var http = Client(product, new ScriptedTransport(_ => Answer(HttpStatusCode.Found, $"https://elsewhere.example/{Phone}/{Signature}?t={Token}")));

        await Assert.ThrowsAsync<RedirectRefusedException>(() => http.SendAsync(Request(HttpMethod.Post)));

        var span = Assert.Single(capture.Activities);
        Assert.Equal("refused", span.GetTagItem("contracts.outcome"));
        Assert.Equal(302, span.GetTagItem("http.response.status_code"));
        Assert.Equal(typeof(RedirectRefusedException).FullName, span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        var refused = Assert.Single(capture.Of("contracts.client.redirects.refused"));
        Assert.Equal(1, refused.Value);
        Assert.Equal("refused", Assert.Single(capture.Of("contracts.client.calls")).Tag("contracts.outcome"));
        capture.AssertNoneContains(Secrets);
    }

    [Fact]
    public async Task A_failed_token_request_is_counted_and_the_call_is_not_sent()
    {
        var product = UniqueProduct();
        using var capture = Capture(product);
        var options = new TestOptions { BaseUrl = new Uri("http://127.0.0.1:8123/api/"), MaxRetries = 0 };
        var tokens = new Tokens(product) { Issue = () => throw new AccessTokenException(Vendor, 401, "bad_client", $"no such client {ClientSecret}", null, null) };
        var transport = new ScriptedTransport(_ => Answer(HttpStatusCode.OK));
        using var http = VendorHttpPipeline.CreateHttpClient(options, options.ResolveBaseUrl(), VendorHttpPipeline.CreateHandlers(options, product, authentication: new BearerTokenHandler(tokens)), transport);

        await Assert.ThrowsAsync<AccessTokenException>(() => http.SendAsync(Request(HttpMethod.Post)));

        Assert.Equal(0, transport.Calls);
        Assert.Equal("failure", Assert.Single(capture.Of("contracts.client.token.acquisitions")).Tag("contracts.result"));
        var span = Assert.Single(capture.Activities);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(AccessTokenException).FullName, span.GetTagItem("error.type"));
        capture.AssertNoneContains(Secrets);
    }

    [Fact]
    public async Task A_cancelled_call_has_the_cancelled_outcome()
    {
        var product = UniqueProduct();
        using var capture = Capture(product);
        using var http = Client(product, new ScriptedTransport(_ => Answer(HttpStatusCode.OK)));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.SendAsync(Request(HttpMethod.Post), cancelled.Token));

        // HttpClient itself may refuse a cancelled token before the pipeline runs; when the pipeline ran, the outcome says so.
        foreach (var span in capture.Activities)
            Assert.Equal("cancelled", span.GetTagItem("contracts.outcome"));
    }

    [Fact]
    public async Task A_batch_is_a_span_over_its_calls_with_item_counts_by_outcome()
    {
        var product = UniqueProduct();
        using var capture = Capture(product);
        var options = new ChunkedBatchOptions(10, 2) { Vendor = Vendor, Telemetry = VendorTelemetry.For(product) };
        var parents = new System.Collections.Concurrent.ConcurrentBag<string?>();

        var results = new List<BatchChunkResult<int>>();
        await foreach (var result in ChunkedBatchRunner.RunAsync(
            Enumerable.Range(0, 25),
            options,
            i => i == 3 ? "three is not allowed" : null,
            (chunk, _) =>
            {
                parents.Add(Activity.Current?.DisplayName);
                return Task.FromResult(chunk.Contains(12)
                    ? ChunkSendResult.Unknown(new BatchFailure(BatchFailureKind.TransportError, "reset"), stopBatch: false)
                    : ChunkSendResult.Accepted("req"));
            }))
        {
            results.Add(result);
        }

        Assert.All(parents, p => Assert.Equal($"{Vendor} batch", p));
        var span = Assert.Single(capture.Activities);
        Assert.Equal($"{Vendor} batch", span.DisplayName);
        Assert.Equal(14L, span.GetTagItem("contracts.batch.accepted"));
        Assert.Equal(1L, span.GetTagItem("contracts.batch.rejected"));
        Assert.Equal(10L, span.GetTagItem("contracts.batch.unknown"));
        Assert.Equal(0L, span.GetTagItem("contracts.batch.not_attempted"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        var items = capture.Of("contracts.client.batch.items");
        Assert.Equal(14, items.Where(m => (string?)m.Tag("contracts.outcome") == "accepted").Sum(m => m.Value));
        Assert.Equal(1, items.Where(m => (string?)m.Tag("contracts.outcome") == "rejected").Sum(m => m.Value));
        Assert.Equal(10, items.Where(m => (string?)m.Tag("contracts.outcome") == "unknown").Sum(m => m.Value));
    }

    [Fact]
    public async Task A_batch_without_a_vendor_is_named_batch()
    {
        using var capture = new TelemetryCapture(source => source.Name == VendorTelemetry.CoreName, _ => false);
        var marker = Guid.NewGuid().ToString("N");

        await foreach (var _ in ChunkedBatchRunner.RunAsync([1, 2], new ChunkedBatchOptions(5, 1), _ => null, (_, _) =>
        {
            Activity.Current?.SetTag("test.marker", marker);
            return Task.FromResult(ChunkSendResult.Accepted(null));
        }))
        {
        }

        var span = Assert.Single(capture.Activities, a => (string?)a.GetTagItem("test.marker") == marker);
        Assert.Equal("batch", span.DisplayName);
        Assert.Equal(2L, span.GetTagItem("contracts.batch.accepted"));
    }

    [Fact]
    public void The_default_transport_makes_no_span_of_its_own()
        => Assert.Null(VendorHttpPipeline.CreateTransport().ActivityHeadersPropagator);
}
