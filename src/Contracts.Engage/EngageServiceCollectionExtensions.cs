using Contracts.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contracts.Engage;

/// <summary>Registers <see cref="EngageClient"/> with IHttpClientFactory, options validated at start-up.</summary>
public static class EngageServiceCollectionExtensions
{
    /// <summary>The named HttpClient used for the open token endpoint.</summary>
    public const string TokenHttpClientName = "Contracts.Engage.Token";

    /// <summary>
    /// Registers <see cref="EngageClient"/> (and <see cref="IEngageClient"/>) configured by <paramref name="configure"/>.
    /// Returns the client's builder, so you can add your own handlers. Calling it again adds configuration only.
    /// </summary>
    public static IHttpClientBuilder AddEngageClient(this IServiceCollection services, Action<EngageClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddVendorOptions<EngageClientOptions>().Configure(configure);
        return AddEngageClientCore(services);
    }

    /// <summary>
    /// Registers <see cref="EngageClient"/> configured from <paramref name="configuration"/> (for example the
    /// <see cref="EngageClientOptions.SectionName"/> section: ClientId, ClientSecret, Region, BaseUrl, BatchSize, ...).
    /// </summary>
    public static IHttpClientBuilder AddEngageClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddVendorOptions<EngageClientOptions>().Bind(configuration);
        return AddEngageClientCore(services);
    }

    private static IHttpClientBuilder AddEngageClientCore(IServiceCollection services)
    {
        services.AddVendorTokenProvider<EngageTokenProvider, EngageClientOptions>(
            TokenHttpClientName,
            EngageClient.ProductName,
            (http, sp) => new EngageTokenProvider(new EngageClient(http), sp.GetVendorOptions<EngageClientOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<EngageTokenProvider>>()));
        return services.AddVendorHttpClient<IEngageClient, EngageClient, EngageClientOptions>(
            EngageClient.ProductName,
            (http, sp) => new EngageClient(http, sp.GetVendorOptions<EngageClientOptions>(), sp.GetService<ILogger<EngageClient>>()),
            authentication: sp => new BearerTokenHandler(sp.GetRequiredService<EngageTokenProvider>(), logger: sp.GetService<ILogger<BearerTokenHandler>>()));
    }
}
