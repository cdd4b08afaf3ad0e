using Contracts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Contracts.Engage.Tests;

public sealed class OptionsAndRegistrationTests
{
    [Fact]
    public void A_client_is_built_from_its_options_only_never_from_a_bare_HttpClient()
    {
        // One constructor form (and the transport hook for tests); DI builds the same client from the same description.
        var constructors = typeof(EngageClient).GetConstructors().Select(c => string.Join(", ", c.GetParameters().Select(p => p.ParameterType.Name)));

        Assert.Equal(["EngageClientOptions, HttpMessageHandler, ILoggerFactory, TimeProvider", "EngageClientOptions, ILoggerFactory"], constructors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Constructor_rejects_bad_options_naming_each_one()
    {
        var options = new EngageClientOptions { ClientId = "", ClientSecret = "", BatchSize = 0, MaxConcurrency = 0, MaxRetries = 11, BaseUrl = new Uri("ftp://x/") };

        var error = Assert.Throws<OptionsValidationException>(() => new EngageClient(options));

        foreach (var name in new[] { "ClientId", "ClientSecret", "BatchSize", "MaxConcurrency", "MaxRetries", "BaseUrl" })
            Assert.Contains($"EngageClientOptions.{name} ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_that_is_none_of_the_contracts_is_rejected_naming_them()
    {
        var options = new EngageClientOptions { ClientId = "id", ClientSecret = "secret", Region = (EngageRegion)7 };

        Assert.Equal(["EngageClientOptions.Region must be UnitedStates or International (got 7)."], options.Validate().Failures);
    }

    [Theory]
    [InlineData(EngageRegion.UnitedStates, "https://api.fo-engage.com/")]
    [InlineData(EngageRegion.International, "https://api.engage-ae.com/")]
    public void Region_selects_the_documented_host(EngageRegion region, string expected)
        => Assert.Equal(new Uri(expected), new EngageClientOptions { Region = region }.ResolveBaseUrl());

    [Fact]
    public void Explicit_base_url_wins_over_the_region()
        => Assert.Equal(new Uri("http://127.0.0.1:9/"), new EngageClientOptions { Region = EngageRegion.International, BaseUrl = new Uri("http://127.0.0.1:9/") }.ResolveBaseUrl());

    [Fact]
    public async Task Container_validates_options_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddEngageClient(o => o.ClientId = "only-the-id");
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EngageClientOptions>>().Value);
        Assert.Contains("EngageClientOptions.ClientSecret is required", error.Message, StringComparison.Ordinal);
        // What the host runs at start-up (ValidateOnStart):
        var startup = provider.GetRequiredService<IStartupValidator>();
        Assert.Throws<OptionsValidationException>(startup.Validate);
    }

    [Fact]
    public async Task Registered_client_pushes_end_to_end_with_its_own_tokens_and_returns_the_builder()
    {
        await using var engage = await FakeEngage.StartAsync();
        var services = new ServiceCollection();
        var extraHandlerCalls = 0;
        services.AddEngageClient(o =>
            {
                o.BaseUrl = engage.Server.BaseUrl;
                o.ClientId = FakeEngage.ClientId;
                o.ClientSecret = FakeEngage.ClientSecret;
            })
            .AddHttpMessageHandler(() => new CountingHandler(() => Interlocked.Increment(ref extraHandlerCalls)));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IEngageClient>();
        await client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations());
        await provider.GetRequiredService<EngageClient>().PushAsync(Samples.GuidePush(), Samples.GuideDestinations());

        Assert.Single(engage.TokenRequests); // one provider shared by every client instance
        Assert.Equal(2, engage.PushRequests.Count);
        Assert.All(engage.PushRequests, p => Assert.StartsWith("Bearer ", p.Header("Authorization"), StringComparison.Ordinal));
        Assert.Equal(2, extraHandlerCalls);
    }

    [Fact]
    public async Task Registering_twice_adds_configuration_not_a_second_pipeline()
    {
        await using var engage = await FakeEngage.StartAsync();
        var services = new ServiceCollection();
        services.AddEngageClient(o => o.BaseUrl = engage.Server.BaseUrl);
        services.AddEngageClient(o => { o.ClientId = FakeEngage.ClientId; o.ClientSecret = FakeEngage.ClientSecret; });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IEngageClient>().PushAsync(Samples.GuidePush(), Samples.GuideDestinations());

        var push = Assert.Single(engage.PushRequests);
        Assert.Single(push.Header("User-Agent")!.Split(' '), p => p.StartsWith("Contracts.Engage/", StringComparison.Ordinal));
        Assert.Single(engage.TokenRequests);
    }

    [Fact]
    public async Task Keyed_accounts_live_side_by_side_each_with_its_own_options_token_and_connections()
    {
        await using var europe = await FakeEngage.StartAsync();
        await using var america = await FakeEngage.StartAsync();
        var services = new ServiceCollection();
        services.AddEngageClient("eu", o => { o.BaseUrl = europe.Server.BaseUrl; o.ClientId = FakeEngage.ClientId; o.ClientSecret = FakeEngage.ClientSecret; });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BaseUrl"] = america.Server.BaseUrl.ToString(),
            ["ClientId"] = FakeEngage.ClientId,
            ["ClientSecret"] = FakeEngage.ClientSecret,
            ["BatchSize"] = "7",
        }).Build();
        services.AddEngageClient("us", configuration);
        services.AddTransient<TwoAccounts>();
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var accounts = provider.GetRequiredService<TwoAccounts>();
        await accounts.Europe.PushAsync(Samples.GuidePush(), Samples.GuideDestinations());
        await provider.GetRequiredKeyedService<IEngageClient>("eu").PushAsync(Samples.GuidePush(), Samples.GuideDestinations());
        var report = await accounts.America.PushAllAsync(Samples.GuidePush(), Samples.Numbered(20));

        Assert.Equal((1, 2), (europe.TokenRequests.Count, europe.PushRequests.Count)); // one token for the "eu" account
        Assert.Equal((1, 3), (america.TokenRequests.Count, america.PushRequests.Count)); // "us" batches by its own BatchSize (7)
        Assert.Equal(20, report.AcceptedCount);
        Assert.Null(provider.GetService<IEngageClient>()); // no default account was registered
        Assert.Equal(7, provider.GetRequiredService<IOptionsMonitor<EngageClientOptions>>().Get("us").BatchSize);
    }

    [Fact]
    public async Task A_keyed_account_with_bad_options_fails_at_start_up_naming_the_option()
    {
        var services = new ServiceCollection();
        services.AddEngageClient("eu", o => o.ClientId = "only-the-id");
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);

        Assert.Contains("EngageClientOptions.ClientSecret is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_bind_from_configuration()
    {
        await using var engage = await FakeEngage.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Contracts:Engage:BaseUrl"] = engage.Server.BaseUrl.ToString(),
            ["Contracts:Engage:ClientId"] = FakeEngage.ClientId,
            ["Contracts:Engage:ClientSecret"] = FakeEngage.ClientSecret,
            ["Contracts:Engage:BatchSize"] = "7",
        }).Build();
        var services = new ServiceCollection();
        services.AddEngageClient(configuration.GetSection(EngageClientOptions.SectionName));
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<IEngageClient>().PushAllAsync(Samples.GuidePush(), Samples.Numbered(20));

        Assert.Equal(20, report.AcceptedCount);
        Assert.Equal(3, engage.PushRequests.Count);
    }

    [Fact]
    public async Task Throttled_push_is_retried_after_the_retry_after_delay()
    {
        await using var engage = await FakeEngage.StartAsync();
        engage.PushAnswer = (n, _) => n == 1 ? (429, null) : (200, DocumentSamples.PushSuccess);
        using var client = new EngageClient(engage.Options());

        var answer = await client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations());

        Assert.True(answer.IsSuccess);
        Assert.Equal(2, engage.PushRequests.Count);
        Assert.Equal("1", engage.PushRequests[1].Header("Retry-Attempt"));
    }

    [Fact]
    public async Task Retry_waits_at_least_what_Retry_After_asks()
    {
        var pushesSeen = 0;
        await using var server = await LoopbackServer.StartAsync((request, context) =>
        {
            if (request.Path == FakeEngage.TokenPath)
                return context.RespondJsonAsync(200, """{"accessToken":"opaque","message":"Success","errorCode":0,"requestId":"r"}""");
            if (Interlocked.Increment(ref pushesSeen) == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return context.RespondJsonAsync(429, null);
            }
            return context.RespondJsonAsync(200, DocumentSamples.PushSuccess);
        });
        using var client = new EngageClient(new EngageClientOptions { BaseUrl = server.BaseUrl, ClientId = "a", ClientSecret = "b", RetryDelay = TimeSpan.Zero });

        await client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations());

        var pushes = server.RequestsTo(FakeEngage.PushPath);
        Assert.Equal(2, pushes.Count);
        // A lower bound only: a slow machine can wait longer, never shorter.
        var waited = pushes[1].ReceivedAt - pushes[0].ReceivedAt;
        Assert.True(waited >= TimeSpan.FromMilliseconds(900), $"retried after {waited.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Retries_give_up_after_MaxRetries_with_the_vendor_status()
    {
        await using var server = await LoopbackServer.StartAsync((request, context) =>
        {
            if (request.Path == FakeEngage.TokenPath)
                return context.RespondJsonAsync(200, """{"accessToken":"opaque","message":"Success","errorCode":0,"requestId":"r"}""");
            context.Response.Headers.RetryAfter = "0";
            return context.RespondJsonAsync(429, null);
        });
        using var client = new EngageClient(new EngageClientOptions { BaseUrl = server.BaseUrl, ClientId = "a", ClientSecret = "b", MaxRetries = 2, RetryDelay = TimeSpan.Zero });

        var error = await Assert.ThrowsAsync<EngageException>(() => client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations()));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(Contracts.Core.DeliveryState.Refused, error.Delivery);
        Assert.Equal(3, server.RequestsTo(FakeEngage.PushPath).Count);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_push_answered_503_or_504_is_not_sent_again_and_its_delivery_is_unknown(int status)
    {
        await using var server = await LoopbackServer.StartAsync((request, context) =>
        {
            if (request.Path == FakeEngage.TokenPath)
                return context.RespondJsonAsync(200, """{"accessToken":"opaque","message":"Success","errorCode":0,"requestId":"r"}""");
            context.Response.Headers.RetryAfter = "0";
            return context.RespondJsonAsync(status, null);
        });
        using var client = new EngageClient(new EngageClientOptions { BaseUrl = server.BaseUrl, ClientId = "a", ClientSecret = "b", MaxRetries = 3, RetryDelay = TimeSpan.Zero });

        var error = await Assert.ThrowsAsync<EngageException>(() => client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations()));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(Contracts.Core.DeliveryState.Unknown, error.Delivery);
        // The vendor may have processed the push: sending it again could deliver it twice.
        Assert.Single(server.RequestsTo(FakeEngage.PushPath));
    }

    private sealed class CountingHandler(Action onSend) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class TwoAccounts([FromKeyedServices("eu")] IEngageClient europe, [FromKeyedServices("us")] IEngageClient america)
    {
        public IEngageClient Europe { get; } = europe;

        public IEngageClient America { get; } = america;
    }
}
