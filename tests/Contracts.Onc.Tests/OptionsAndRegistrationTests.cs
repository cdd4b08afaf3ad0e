using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Contracts.Onc.Tests;

public sealed class OptionsAndRegistrationTests
{
    [Fact]
    public void A_client_is_built_from_its_options_with_the_transport_hook_under_the_SDK_pipeline()
    {
        // One constructor form and the transport hook for tests; no constructor takes a pipeline that could lack the SDK's handlers.
        var constructors = typeof(OncClient).GetConstructors().Select(c => string.Join(", ", c.GetParameters().Select(p => p.ParameterType.Name)));

        Assert.Equal(["OncClientOptions, HttpMessageHandler, ILoggerFactory, TimeProvider", "OncClientOptions, ILoggerFactory, TimeProvider"], constructors.Order(StringComparer.Ordinal));
        Assert.Equal("transport", typeof(OncClient).GetConstructors().Single(c => c.GetParameters().Length == 4).GetParameters()[1].Name);
    }

    [Fact]
    public void Constructor_rejects_bad_options_naming_each_one()
    {
        var options = new OncClientOptions { MaxConcurrency = 0, SessionIdleTimeout = TimeSpan.Zero, MaxResponseSize = 10, MaxRetries = 11 };

        var error = Assert.Throws<OptionsValidationException>(() => new OncClient(options));

        foreach (var name in new[] { "BaseUrl", "AccountId", "UserName", "Password", "MaxConcurrency", "SessionIdleTimeout", "MaxResponseSize", "MaxRetries" })
            Assert.Contains($"OncClientOptions.{name} ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Container_validates_options_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddOncClient(o => o.AccountId = "only-the-account");
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OncClientOptions>>().Value);
        Assert.Contains("OncClientOptions.Password is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("OncClientOptions.BaseUrl is required", error.Message, StringComparison.Ordinal);
        var startup = provider.GetRequiredService<IStartupValidator>();
        Assert.Throws<OptionsValidationException>(startup.Validate);
    }

    [Fact]
    public async Task Registered_client_is_one_shared_instance_whose_soap_calls_go_through_handlers_added_to_the_builder()
    {
        await using var onc = await FakeOnc.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BaseUrl"] = onc.Options().BaseUrl!.AbsoluteUri,
            ["AccountId"] = FakeOnc.AccountId,
            ["UserName"] = FakeOnc.UserName,
            ["Password"] = FakeOnc.Password,
        }).Build();
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddOncClient(configuration);
        builder.AddHttpMessageHandler(() => new StampHandler());

        await using (var provider = services.BuildServiceProvider())
        {
            var client = provider.GetRequiredService<IOncClient>();
            Assert.Same(client, provider.GetRequiredService<OncClient>());
            Assert.Single(await client.GetCampaignListingAsync());
        }

        Assert.All(onc.Server.Requests, r => Assert.Equal("yes", r.Header("X-Stamp")));
        Assert.Equal(1, onc.Count("CloseAPISession")); // the container disposed the client, which closed its session
        Assert.Empty(onc.Problems);
    }

    [Fact]
    public async Task Keyed_accounts_each_hold_their_own_session_and_close_it()
    {
        await using var europe = await FakeOnc.StartAsync();
        await using var america = await FakeOnc.StartAsync();
        var services = new ServiceCollection();
        services.AddOncClient("eu", o => Configure(o, europe));
        services.AddOncClient("us", o => Configure(o, america));

        await using (var provider = services.BuildServiceProvider())
        {
            var eu = provider.GetRequiredKeyedService<IOncClient>("eu");
            Assert.Same(eu, provider.GetRequiredKeyedService<OncClient>("eu"));
            Assert.NotSame(eu, provider.GetRequiredKeyedService<IOncClient>("us"));
            await eu.GetCampaignListingAsync();
            await eu.GetCampaignsAsync();
            await provider.GetRequiredKeyedService<IOncClient>("us").GetCampaignListingAsync();
            Assert.Null(provider.GetService<IOncClient>());
        }

        Assert.Equal((1, 1), (europe.Count("OpenAPISession"), america.Count("OpenAPISession")));
        Assert.Equal((1, 1), (europe.Count("CloseAPISession"), america.Count("CloseAPISession")));
        Assert.Equal((2, 1), (europe.Calls.Count(c => c.Operation.StartsWith("GetCampaign", StringComparison.Ordinal)), america.Count("GetCampaignListing")));

        static void Configure(OncClientOptions options, FakeOnc onc)
        {
            var fake = onc.Options();
            (options.BaseUrl, options.AccountId, options.UserName, options.Password) = (fake.BaseUrl, fake.AccountId, fake.UserName, fake.Password);
        }
    }

    [Fact]
    public async Task Keyed_accounts_log_in_separately_and_each_request_carries_its_own_session_id()
    {
        await using var europe = await FakeOnc.StartAsync();
        await using var america = await FakeOnc.StartAsync();
        var services = new ServiceCollection();
        services.AddOncClient("eu", o => Configure(o, europe, maxConcurrency: 2));
        services.AddOncClient("us", o => Configure(o, america, maxConcurrency: 7));
        services.AddOncClient("eu", o => o.SessionRefreshMargin = TimeSpan.FromSeconds(5)); // adds configuration, not a second account

        await using (var provider = services.BuildServiceProvider())
        {
            var options = provider.GetRequiredService<IOptionsMonitor<OncClientOptions>>();
            Assert.Equal((2, 7), (options.Get("eu").MaxConcurrency, options.Get("us").MaxConcurrency));
            Assert.Equal(TimeSpan.FromSeconds(5), options.Get("eu").SessionRefreshMargin);
            var eu = provider.GetRequiredKeyedService<IOncClient>("eu");
            var us = provider.GetRequiredKeyedService<IOncClient>("us");
            await eu.GetCampaignListingAsync();
            await us.GetCampaignListingAsync();
            await eu.GetCampaignsAsync();
            await us.GetCampaignsAsync();
        }

        foreach (var onc in new[] { europe, america })
        {
            // Each account opened one session of its own with its own options' credentials, used it for each of its
            // requests, and the container's disposal closed it.
            Assert.Single(onc.CallsTo("OpenAPISession"));
            var session = Assert.Single(onc.IssuedSessions);
            var carried = onc.Calls.Where(c => c.Operation != "OpenAPISession").Select(c => (string?)c.Body.Element(OncContract.Tempuri + "sessionId")).ToList();
            Assert.Equal(3, carried.Count);
            Assert.All(carried, id => Assert.Equal(session, id));
            Assert.Equal("CloseAPISession", onc.Calls[^1].Operation);
            Assert.Empty(onc.Problems);
        }
        Assert.NotEqual(europe.IssuedSessions[0], america.IssuedSessions[0]);

        static void Configure(OncClientOptions options, FakeOnc onc, int maxConcurrency)
        {
            var fake = onc.Options();
            (options.BaseUrl, options.AccountId, options.UserName, options.Password) = (fake.BaseUrl, fake.AccountId, fake.UserName, fake.Password);
            options.MaxConcurrency = maxConcurrency;
        }
    }

    [Fact]
    public async Task A_client_built_over_a_transport_of_the_callers_leaves_it_undisposed()
    {
        await using var onc = await FakeOnc.StartAsync();
        var transport = new DisposalTrackingHandler();

        await using (var client = new OncClient(onc.Options(), transport))
            await client.GetCampaignListingAsync();

        Assert.False(transport.Disposed);
        Assert.Equal(1, onc.Count("CloseAPISession"));
        transport.Dispose();
    }

    [Fact]
    public void Options_ToString_hides_the_password()
    {
        var text = new OncClientOptions { Password = FakeOnc.Password, AccountId = "a", UserName = "u" }.ToString();

        Assert.DoesNotContain(FakeOnc.Password, text, StringComparison.Ordinal);
        Assert.Contains("Password = ***", text, StringComparison.Ordinal);
    }

    /// <summary>A caller's transport (sockets underneath) that records whether it was disposed.</summary>
    /// <remarks>Without a propagator, as a transport of one's own should be: .NET's default one would make an HttpClient span of each request, seen by tests that listen to every source.</remarks>
    private sealed class DisposalTrackingHandler() : DelegatingHandler(new SocketsHttpHandler { ActivityHeadersPropagator = null })
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    private sealed class StampHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Stamp", "yes");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
