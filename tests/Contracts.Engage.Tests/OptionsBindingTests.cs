using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Contracts.Engage.Tests;

/// <summary>The generated options bind from configuration through the binder source generator: the region by name, the batch settings.</summary>
public sealed class OptionsBindingTests
{
    [Fact]
    public async Task Region_by_name_and_batch_settings_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Contracts:Engage:Region"] = "International",
            ["Contracts:Engage:ClientId"] = "id",
            ["Contracts:Engage:ClientSecret"] = "secret",
            ["Contracts:Engage:BatchSize"] = "7",
            ["Contracts:Engage:MaxConcurrency"] = "2",
        }).Build();
        var services = new ServiceCollection();
        services.AddEngageClient(configuration.GetSection(EngageClientOptions.SectionName));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<EngageClientOptions>>().Value;

        Assert.Equal((EngageRegion.International, 7, 2, "id", "secret"), (options.Region, options.BatchSize, options.MaxConcurrency, options.ClientId, options.ClientSecret));
        Assert.Equal(new Uri("https://api.engage-ae.com/"), options.ResolveBaseUrl());
    }
}
