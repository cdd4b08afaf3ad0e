using Contracts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Contracts.Accengage.Tests;

public sealed class OptionsAndRegistrationTests
{
    [Fact]
    public void A_client_is_built_from_its_options_only_never_from_a_bare_HttpClient()
    {
        // One constructor form (and the transport hook for tests); DI builds the same client from the same description.
        var constructors = typeof(AccengageClient).GetConstructors().Select(c => string.Join(", ", c.GetParameters().Select(p => p.ParameterType.Name)));

        Assert.Equal(["AccengageClientOptions, HttpMessageHandler, ILoggerFactory, TimeProvider", "AccengageClientOptions, ILoggerFactory"], constructors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Constructor_rejects_bad_options_naming_each_one()
    {
        var options = new AccengageClientOptions { PartnerId = "", ApiKey = " ", UserEmail = "not-an-email", MaxConcurrency = 0, MaxRetries = -1, BaseUrl = new Uri("ftp://x/"), TokenLifetime = TimeSpan.Zero };

        var error = Assert.Throws<OptionsValidationException>(() => new AccengageClient(options));

        foreach (var name in new[] { "PartnerId", "ApiKey", "UserEmail", "MaxConcurrency", "MaxRetries", "BaseUrl", "TokenLifetime", "TokenRefreshMargin" })
            Assert.Contains($"AccengageClientOptions.{name} ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apps/12345678")]
    [InlineData(" 12345678")]
    public void A_partner_id_must_be_the_id_alone(string partnerId)
    {
        var failures = new AccengageClientOptions { PartnerId = partnerId, ApiKey = "k", UserEmail = "a@b.c" }.Validate().Failures;

        Assert.Contains(failures, f => f.StartsWith("AccengageClientOptions.PartnerId must be the app's partner ID alone", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_are_the_documented_host_and_token_lifetime()
    {
        var options = new AccengageClientOptions();

        Assert.Equal(new Uri("https://api.accengage.com/"), options.ResolveBaseUrl());
        Assert.Equal(TimeSpan.FromHours(24), options.TokenLifetime);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), new AccengageClientOptions { BaseUrl = new Uri("http://127.0.0.1:9/") }.ResolveBaseUrl());
    }

    [Fact]
    public async Task Container_validates_options_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddAccengageClient(o => o.PartnerId = "12345678");
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AccengageClientOptions>>().Value);
        Assert.Contains("AccengageClientOptions.ApiKey is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("AccengageClientOptions.UserEmail is required", error.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);
    }

    [Fact]
    public async Task Registered_client_signs_authenticates_and_pages_and_returns_the_builder()
    {
        await using var accengage = await FakeAccengage.StartAsync();
        accengage.Api = PagedVendor.JsonList(accengage.Server.BaseUrl, "campaigns", pages: 3, perPage: 2);
        var services = new ServiceCollection();
        var extraHandlerCalls = 0;
        services.AddAccengageClient(o =>
            {
                o.BaseUrl = accengage.Server.BaseUrl;
                o.PartnerId = FakeAccengage.PartnerId;
                o.ApiKey = FakeAccengage.ApiKey;
                o.UserEmail = FakeAccengage.UserEmail;
            })
            .AddHttpMessageHandler(() => new CountingHandler(() => Interlocked.Increment(ref extraHandlerCalls)));
        await using var provider = services.BuildServiceProvider();

        var campaigns = await provider.GetRequiredService<IAccengageClient>().EnumerateCampaignsAsync().ToListAsync();
        await provider.GetRequiredService<AccengageClient>().GetCampaignAsync(FakeAccengage.PartnerId, 1);

        Assert.Equal(6, campaigns.Count);
        Assert.Single(accengage.TokenRequests); // one provider shared by every client instance
        Assert.Equal(4, accengage.ApiRequests.Count);
        Assert.Empty(accengage.BadlySigned);
        Assert.All(accengage.ApiRequests, r => Assert.StartsWith("Bearer ", r.Header("Authorization"), StringComparison.Ordinal));
        Assert.Equal(4, extraHandlerCalls);
    }

    [Fact]
    public async Task Keyed_accounts_sign_with_their_own_key_and_hold_their_own_tokens()
    {
        await using var europe = await FakeAccengage.StartAsync();
        await using var america = await FakeAccengage.StartAsync();
        europe.Api = PagedVendor.JsonList(europe.Server.BaseUrl, "campaigns", pages: 2, perPage: 2);
        america.Api = PagedVendor.JsonList(america.Server.BaseUrl, "campaigns", pages: 1, perPage: 2);
        var services = new ServiceCollection();
        services.AddAccengageClient("eu", o => { o.BaseUrl = europe.Server.BaseUrl; o.PartnerId = FakeAccengage.PartnerId; o.ApiKey = FakeAccengage.ApiKey; o.UserEmail = FakeAccengage.UserEmail; });
        services.AddAccengageClient("us", o => { o.BaseUrl = america.Server.BaseUrl; o.PartnerId = FakeAccengage.PartnerId; o.ApiKey = "another-accounts-key"; o.UserEmail = FakeAccengage.UserEmail; });
        await using var provider = services.BuildServiceProvider();

        var campaigns = await provider.GetRequiredKeyedService<IAccengageClient>("eu").EnumerateCampaignsAsync().ToListAsync();
        await Assert.ThrowsAnyAsync<Contracts.Core.VendorApiException>(() => provider.GetRequiredKeyedService<IAccengageClient>("us").EnumerateCampaignsAsync().ToListAsync().AsTask());

        Assert.Equal(4, campaigns.Count);
        Assert.Empty(europe.BadlySigned);
        Assert.Single(europe.TokenRequests);
        // The "us" account signed with its own (here wrong) key: its fake refused the signature, and saw no "eu" request.
        Assert.NotEmpty(america.BadlySigned);
        Assert.DoesNotContain(america.ApiRequests, r => r.Header("Authorization") is not null);
    }

    [Fact]
    public async Task Options_bind_from_configuration()
    {
        await using var accengage = await FakeAccengage.StartAsync();
        accengage.Api = (_, context) => context.RespondJsonAsync(200, null);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Contracts:Accengage:BaseUrl"] = accengage.Server.BaseUrl.ToString(),
            ["Contracts:Accengage:PartnerId"] = FakeAccengage.PartnerId,
            ["Contracts:Accengage:ApiKey"] = FakeAccengage.ApiKey,
            ["Contracts:Accengage:UserEmail"] = FakeAccengage.UserEmail,
            ["Contracts:Accengage:MaxConcurrency"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddAccengageClient(configuration.GetSection(AccengageClientOptions.SectionName));
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<IAccengageClient>().SendInstantMessageToAllAsync(
            new MessageData { ParentMessageId = 2157 },
            Enumerable.Range(0, 150).Select(i => new Target { DeviceId = $"udid-{i}" }));

        Assert.Equal(150, report.AcceptedCount);
        Assert.Equal(2, accengage.ApiRequests.Count);
        Assert.Equal(1, accengage.Server.PeakConcurrency);
    }

    private sealed class CountingHandler(Action onSend) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
