using Contracts.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Contracts.Engage;

/// <summary>
/// Registers <see cref="EngageClient"/> (and <see cref="IEngageClient"/>) with IHttpClientFactory, options validated at
/// start-up: for the default account, or for named accounts side by side (keyed services), each with its own options,
/// token and connections. Each returns the client's builder, so you can add your own handlers; calling one again for
/// the same account adds configuration only.
/// </summary>
public static class EngageServiceCollectionExtensions
{
    /// <summary>Registers the default ENGAGE account, configured by <paramref name="configure"/>.</summary>
    public static IHttpClientBuilder AddEngageClient(this IServiceCollection services, Action<EngageClientOptions> configure)
        => services.AddVendorClient(EngageClient.Vendor, key: null, configure);

    /// <summary>
    /// Registers the default ENGAGE account, configured from <paramref name="configuration"/> (for example the
    /// <see cref="EngageClientOptions.SectionName"/> section: ClientId, ClientSecret, Region, BaseUrl, BatchSize, ...).
    /// </summary>
    public static IHttpClientBuilder AddEngageClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddVendorClient(EngageClient.Vendor, key: null, options => options.Bind(configuration));
    }

    /// <summary>
    /// Registers the ENGAGE account <paramref name="key"/>, configured by <paramref name="configure"/>, beside any
    /// other: resolve it with <c>[FromKeyedServices("eu")] IEngageClient</c>. Its options are named after the key.
    /// </summary>
    public static IHttpClientBuilder AddEngageClient(this IServiceCollection services, string key, Action<EngageClientOptions> configure)
        => services.AddVendorClient(EngageClient.Vendor, key ?? throw new ArgumentNullException(nameof(key)), configure);

    /// <summary>Registers the ENGAGE account <paramref name="key"/>, configured from <paramref name="configuration"/>, beside any other.</summary>
    public static IHttpClientBuilder AddEngageClient(this IServiceCollection services, string key, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddVendorClient(EngageClient.Vendor, key ?? throw new ArgumentNullException(nameof(key)), options => options.Bind(configuration));
    }
}
