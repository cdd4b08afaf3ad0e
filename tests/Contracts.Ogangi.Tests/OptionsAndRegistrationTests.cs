using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Contracts.Ogangi.Tests;

public sealed class OptionsAndRegistrationTests
{
    [Fact]
    public void A_client_is_built_from_its_options_only_never_from_a_bare_HttpClient()
    {
        // One constructor form (and the transport hook for tests); DI builds the same client from the same description.
        var constructors = typeof(OgangiClient).GetConstructors().Select(c => string.Join(", ", c.GetParameters().Select(p => p.ParameterType.Name)));

        Assert.Equal(["OgangiClientOptions, HttpMessageHandler, ILoggerFactory, TimeProvider", "OgangiClientOptions, ILoggerFactory"], constructors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Constructor_rejects_bad_options_naming_each_one()
    {
        var options = new OgangiClientOptions { InstanceId = -1, PublicKey = " ", PrivateKey = "", MaxRetries = 11 };

        var error = Assert.Throws<OptionsValidationException>(() => new OgangiClient(options));

        foreach (var name in new[] { "BaseUrl", "InstanceId", "PublicKey", "PrivateKey", "MaxRetries" })
            Assert.Contains($"OgangiClientOptions.{name} ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_instance_id_and_bad_base_url_are_named()
    {
        var options = new OgangiClientOptions { BaseUrl = new Uri("ftp://x/"), PublicKey = "..", PrivateKey = "k" };

        var error = Assert.Throws<OptionsValidationException>(() => new OgangiClient(options));

        Assert.Contains("OgangiClientOptions.InstanceId is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("OgangiClientOptions.BaseUrl must be an absolute http or https URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("OgangiClientOptions.PublicKey cannot be '..'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Container_validates_options_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddOgangiClient(o => o.PublicKey = "only-the-public-key");
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OgangiClientOptions>>().Value);
        Assert.Contains("OgangiClientOptions.PrivateKey is required", error.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);
    }

    [Fact]
    public async Task Registered_client_calls_end_to_end_and_returns_the_builder()
    {
        await using var ogangi = await FakeOgangi.StartAsync();
        var services = new ServiceCollection();
        var extraHandlerCalls = 0;
        services.AddOgangiClient(o =>
            {
                o.BaseUrl = ogangi.BaseUrl;
                o.InstanceId = FakeOgangi.InstanceId;
                o.PublicKey = FakeOgangi.PublicKey;
                o.PrivateKey = FakeOgangi.PrivateKey;
            })
            .AddHttpMessageHandler(() => new CountingHandler(() => Interlocked.Increment(ref extraHandlerCalls)));
        await using var provider = services.BuildServiceProvider();

        var sent = await provider.GetRequiredService<IOgangiClient>().SendSmsAsync("13056708084", "hi", "19893653744");
        await provider.GetRequiredService<OgangiClient>().GetMoMessagesAsync(1, 10);

        Assert.Equal("-8174720676710228700", Assert.Single(sent.Messages!).Id);
        Assert.Equal(2, ogangi.Calls.Count);
        Assert.All(ogangi.Calls, c => Assert.True(c.SignatureIsValid(FakeOgangi.PrivateKey)));
        Assert.Equal(2, extraHandlerCalls);
    }

    [Fact]
    public async Task Options_bind_from_configuration()
    {
        await using var ogangi = await FakeOgangi.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Contracts:Ogangi:BaseUrl"] = ogangi.BaseUrl.ToString().TrimEnd('/'),
            ["Contracts:Ogangi:InstanceId"] = "8",
            ["Contracts:Ogangi:PublicKey"] = FakeOgangi.PublicKey,
            ["Contracts:Ogangi:PrivateKey"] = FakeOgangi.PrivateKey,
            ["Contracts:Ogangi:MaxRetries"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddOgangiClient(configuration.GetSection(OgangiClientOptions.SectionName));
        await using var provider = services.BuildServiceProvider();

        var pin = await provider.GetRequiredService<IOgangiClient>().SendPinAsync("13056708084", "PIN", "43", 6);

        Assert.Equal("846547", pin.Pin);
        Assert.StartsWith("/mmc/rest/api/tools/sendSMSPinMobileNumberConfirm/8/", Assert.Single(ogangi.Calls).Request.Path, StringComparison.Ordinal);
        Assert.Equal(0, provider.GetRequiredService<IOptions<OgangiClientOptions>>().Value.MaxRetries);
    }

    [Fact]
    public async Task Throttled_call_is_retried()
    {
        await using var ogangi = await FakeOgangi.StartAsync();
        var calls = 0;
        ogangi.Answer = _ => Interlocked.Increment(ref calls) == 1 ? (429, "text/plain", "") : (200, "application/xml", DocumentSamples.SendMt);
        using var client = new OgangiClient(ogangi.Options());

        var answer = await client.SendMtAsync("13056708084", "hi", "43");

        Assert.Equal("OK", answer.Status);
        Assert.Equal("1", ogangi.Server.Requests[1].Header("Retry-Attempt"));
    }

    [Fact]
    public async Task Options_changed_after_construction_do_not_move_the_calls_to_another_instance()
    {
        // The client was validated and its signing keyed with these options: a caller reusing the object for
        // another account (or clearing it) must not send this account's signed calls to another instance, or to 0.
        await using var ogangi = await FakeOgangi.StartAsync();
        var options = ogangi.Options();
        using var client = new OgangiClient(options);
        options.InstanceId = null;

        await client.SendMtAsync("13056708084", "hi", "43");

        Assert.StartsWith($"/mmc/rest/api/sendMT/{FakeOgangi.InstanceId}/", Assert.Single(ogangi.Calls).Request.Path, StringComparison.Ordinal);
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
