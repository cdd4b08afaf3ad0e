using System.Net;
using System.Net.Http.Headers;
using Contracts.Core.Authentication;
using Contracts.Core.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Contracts.Core.Tests;

/// <summary>
/// One vendor description builds both ways of construction alike: <c>new XxxClient(options)</c> (through
/// <see cref="VendorClientRegistration{TInterface, TClient, TOptions}.Connect"/>) and <c>services.AddXxxClient(...)</c>
/// — options validated, token requests signed but without a token, every other request signed and with the token.
/// No traffic leaves the process: the transport is an in-memory handler.
/// </summary>
public sealed class VendorClientRegistrationTests
{
    private const string ClientSecret = "client-secret-7e21";

    private static readonly VendorClientRegistration<IFakeClient, FakeClient, FakeOptions> Vendor = new()
    {
        ProductName = "Contracts.Fake",
        CreateClient = parts => new FakeClient(parts),
        AcquireToken = async (tokens, options, issuedAt, cancellationToken) =>
        {
            using var answer = await tokens.Parts.Http.PostAsync("token", new StringContent(options.ClientSecret), cancellationToken);
            return AccessToken.FromIssued(await answer.Content.ReadAsStringAsync(cancellationToken), TimeSpan.FromMinutes(5), issuedAt);
        },
        CreateSigning = (options, time) => new SigningHandler(),
    };

    [Fact]
    public async Task New_client_signs_every_request_and_sends_the_token_it_asked_for_once()
    {
        var vendor = new RecordingVendor();
        var parts = Vendor.Connect(Options(), vendor, loggerFactory: null, timeProvider: null);
        using var client = new FakeClient(parts);

        await client.CallAsync();
        await client.CallAsync();

        AssertSignedWithOneToken(vendor);
        Assert.NotNull(parts.Owned);
    }

    [Fact]
    public async Task Container_client_is_built_from_the_same_description()
    {
        var vendor = new RecordingVendor();
        var services = new ServiceCollection();
        services.AddVendorClient(Vendor, key: null, (FakeOptions o) => (o.BaseUrl, o.ClientSecret) = (Options().BaseUrl, ClientSecret));
        // After the pipeline's own socket transport, for the account's HttpClient and its token client alike.
        services.PostConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(builder => builder.PrimaryHandler = vendor));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IFakeClient>().CallAsync();
        await provider.GetRequiredService<IFakeClient>().CallAsync();

        AssertSignedWithOneToken(vendor);
        Assert.Null(provider.GetRequiredService<FakeClient>().Parts.Owned);
    }

    [Fact]
    public async Task A_client_over_a_handler_is_one_per_account_signed_and_disposed_by_the_container()
    {
        var vendor = new RecordingVendor();
        var registration = HandlerVendor(onePerAccount: true);
        var services = new ServiceCollection();
        services.AddVendorClient(registration, "eu", (FakeOptions o) => (o.BaseUrl, o.ClientSecret) = (Options().BaseUrl, ClientSecret));
        services.AddVendorClient(registration, "us", (FakeOptions o) => (o.BaseUrl, o.ClientSecret) = (new Uri("http://127.0.0.2:9/"), ClientSecret));
        services.PostConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(builder => builder.PrimaryHandler = vendor));
        HandlerClient eu;
        await using (var provider = services.BuildServiceProvider())
        {
            eu = provider.GetRequiredKeyedService<HandlerClient>("eu");
            Assert.Same(eu, provider.GetRequiredKeyedService<IFakeClient>("eu"));
            Assert.Same(eu, provider.GetRequiredKeyedService<HandlerClient>("eu"));
            var us = provider.GetRequiredKeyedService<IFakeClient>("us");
            Assert.NotSame(eu, us);
            await eu.CallAsync();
            await us.CallAsync();
            Assert.False(eu.Disposed);
        }

        Assert.True(eu.Disposed);
        Assert.Equal(["127.0.0.1 call", "127.0.0.2 call"], vendor.Hosts);
        Assert.All(vendor.Requests, r => Assert.True(r.Signed));
    }

    [Fact]
    public async Task A_new_client_over_a_handler_gets_the_same_pipeline_and_owns_its_connections()
    {
        var vendor = new RecordingVendor();
        var registration = HandlerVendor(onePerAccount: false);
        using var client = new HandlerClient(registration.Connect(Options(), vendor, loggerFactory: null, timeProvider: null));

        await client.CallAsync();

        Assert.True(Assert.Single(vendor.Requests).Signed);
        Assert.NotNull(client.Parts.Owned);
    }

    [Fact]
    public void New_client_refuses_invalid_options_naming_them()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Vendor.Connect(new FakeOptions { BaseUrl = new Uri("http://127.0.0.1:9/"), MaxRetries = 99 }, new RecordingVendor(), null, null));

        Assert.Contains("FakeOptions.MaxRetries ", error.Message, StringComparison.Ordinal);
        Assert.Contains("FakeOptions.ClientSecret is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_text_names_every_setting_and_masks_the_secrets()
    {
        var text = Options().ToString();

        Assert.DoesNotContain(ClientSecret, text, StringComparison.Ordinal);
        Assert.Contains("ClientSecret = ***", text, StringComparison.Ordinal);
        foreach (var setting in new[] { "BaseUrl = http://127.0.0.1:9/", "Timeout = ", "MaxRetries = 0", "MaxResponseBytes = ", "RetryDelay = " })
            Assert.Contains(setting, text, StringComparison.Ordinal);
    }

    private static VendorClientRegistration<IFakeClient, HandlerClient, FakeOptions> HandlerVendor(bool onePerAccount) => new()
    {
        ProductName = "Contracts.Fake",
        CreateClient = parts => new HandlerClient(parts),
        CreateSigning = (options, time) => new SigningHandler(),
        OnePerAccount = onePerAccount,
    };

    private static FakeOptions Options() => new() { BaseUrl = new Uri("http://127.0.0.1:9/"), ClientSecret = ClientSecret, MaxRetries = 0 };

    private static void AssertSignedWithOneToken(RecordingVendor vendor)
    {
        var requests = vendor.Requests.ToArray();
        Assert.Equal(["token", "call", "call"], requests.Select(r => r.Path));
        Assert.All(requests, r => Assert.True(r.Signed));
        Assert.Null(requests[0].Authorization);
        Assert.All(requests[1..], r => Assert.Equal("Bearer issued-token", r.Authorization));
    }

    public interface IFakeClient
    {
        Task CallAsync();
    }

    public sealed class FakeClient(VendorClientParts<FakeOptions> parts) : IFakeClient, IDisposable
    {
        public VendorClientParts<FakeOptions> Parts { get; } = parts;

        public async Task CallAsync() => (await Parts.Http.GetAsync(new Uri("call", UriKind.Relative))).Dispose();

        public void Dispose() => Parts.Owned?.Dispose();
    }

    /// <summary>A client that builds its own HttpClient over the account's pipeline, as WCF does.</summary>
    public sealed class HandlerClient(VendorClientParts<FakeOptions> parts) : IFakeClient, IDisposable
    {
        private readonly HttpClient _http = new(parts.Handler, disposeHandler: false) { BaseAddress = parts.Options.BaseUrl };

        public VendorClientParts<FakeOptions> Parts { get; } = parts;

        public bool Disposed { get; private set; }

        public async Task CallAsync() => (await _http.GetAsync(new Uri("call", UriKind.Relative))).Dispose();

        public void Dispose()
        {
            Disposed = true;
            _http.Dispose();
            Parts.Owned?.Dispose();
        }
    }

    public sealed class FakeOptions : VendorClientOptions
    {
        public string ClientSecret { get; set; } = "";

        protected internal override string VendorName => "FAKE";

        protected internal override IEnumerable<string?> Secrets() => [ClientSecret];

        public override Uri ResolveBaseUrl() => BaseUrl!;

        protected override void ValidateVendorOptions(OptionsValidationBuilder failures)
            => failures.Require(nameof(ClientSecret), ClientSecret, "the secret");
    }

    private sealed class SigningHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Signed", "yes");
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class RecordingVendor : HttpMessageHandler
    {
        public System.Collections.Concurrent.ConcurrentQueue<(string Path, bool Signed, string? Authorization)> Requests { get; } = new();

        public System.Collections.Concurrent.ConcurrentQueue<string> Hosts { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath.Trim('/');
            Requests.Enqueue((path, request.Headers.Contains("X-Signed"), request.Headers.Authorization?.ToString()));
            Hosts.Enqueue($"{request.RequestUri.Host} {path}");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(path == "token" ? "issued-token" : "{}", MediaTypeHeaderValue.Parse("text/plain")) });
        }
    }
}
