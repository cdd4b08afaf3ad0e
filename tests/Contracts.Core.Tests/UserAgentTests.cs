using System.Net;
using Contracts.Core.Http;

namespace Contracts.Core.Tests;

/// <summary>
/// The pipeline names the SDK's package in every request's User-Agent, once, on the first attempt and on each retry,
/// and keeps what a caller put there. No traffic leaves the process: the transport is an in-memory handler.
/// </summary>
public sealed class UserAgentTests
{
    private const string Product = "Contracts.UserAgentTest";

    private sealed class TestOptions : VendorClientOptions
    {
        protected internal override string VendorName => "Fake";

        protected internal override IEnumerable<string?> Secrets() => [];

        public override Uri ResolveBaseUrl() => BaseUrl!;

        protected override void ValidateVendorOptions(OptionsValidationBuilder failures)
        {
        }
    }

    /// <summary>Answers 429 (retry at once) until the last attempt, and keeps the User-Agent each attempt carried.</summary>
    private sealed class ThrottlingTransport(int throttled) : HttpMessageHandler
    {
        public List<string> UserAgents { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            UserAgents.Add(request.Headers.UserAgent.ToString());
            var answer = new HttpResponseMessage(UserAgents.Count <= throttled ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK);
            answer.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            return Task.FromResult(answer);
        }
    }

    private static HttpClient Client(ThrottlingTransport transport)
    {
        var options = new TestOptions { BaseUrl = new Uri("http://127.0.0.1:8123/api/"), MaxRetries = 2 };
        return VendorHttpPipeline.CreateHttpClient(options, options.ResolveBaseUrl(), VendorHttpPipeline.CreateHandlers(options, Product), transport);
    }

    private static string Expected => $"{Product}/{typeof(VendorHttpPipeline).Assembly.GetName().Version!.ToString(3)}";

    [Fact]
    public async Task Every_attempt_names_the_package_once()
    {
        var transport = new ThrottlingTransport(throttled: 2);
        using var http = Client(transport);

        using var answer = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "items"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal([Expected, Expected, Expected], transport.UserAgents);
    }

    [Fact]
    public async Task A_product_the_caller_named_comes_first_and_stays()
    {
        var transport = new ThrottlingTransport(throttled: 0);
        using var http = Client(transport);
        using var request = new HttpRequestMessage(HttpMethod.Get, "items");
        request.Headers.UserAgent.ParseAdd("MyApp/2.0");

        using var answer = await http.SendAsync(request);

        Assert.Equal($"MyApp/2.0 {Expected}", Assert.Single(transport.UserAgents));
    }

    [Fact]
    public async Task A_message_sent_twice_names_the_package_once()
    {
        var transport = new ThrottlingTransport(throttled: 0);
        using var http = Client(transport);
        using var request = new HttpRequestMessage(HttpMethod.Get, "items");
        using var first = await http.SendAsync(request);

        // HttpClient refuses to send a message twice; a handler of the caller's may still pass one through the pipeline again.
        using var invoker = new HttpMessageInvoker(VendorHttpPipeline.Chain(VendorHttpPipeline.CreateHandlers(new TestOptions { BaseUrl = new Uri("http://127.0.0.1:8123/api/") }, Product), transport));
        using var second = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal([Expected, Expected], transport.UserAgents);
    }

    [Fact]
    public async Task A_caller_product_whose_name_ends_with_the_packages_does_not_stand_for_it()
    {
        var transport = new ThrottlingTransport(throttled: 0);
        using var http = Client(transport);
        using var request = new HttpRequestMessage(HttpMethod.Get, "items");
        request.Headers.UserAgent.ParseAdd($"Acme-{Expected}");

        using var answer = await http.SendAsync(request);

        Assert.Equal($"Acme-{Expected} {Expected}", Assert.Single(transport.UserAgents));
    }
}
