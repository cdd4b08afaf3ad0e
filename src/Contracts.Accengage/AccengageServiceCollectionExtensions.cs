using Contracts.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Contracts.Accengage;

/// <summary>
/// Registers <see cref="AccengageClient"/> (and <see cref="IAccengageClient"/>) with IHttpClientFactory, options
/// validated at start-up: for the default account, or for named accounts side by side (keyed services), each with its
/// own options, token and connections. Each returns the client's builder, so you can add your own handlers; calling
/// one again for the same account adds configuration only.
/// </summary>
public static class AccengageServiceCollectionExtensions
{
    /// <summary>Registers the default Accengage account, configured by <paramref name="configure"/>.</summary>
    public static IHttpClientBuilder AddAccengageClient(this IServiceCollection services, Action<AccengageClientOptions> configure)
        => services.AddVendorClient(AccengageClient.Vendor, key: null, configure);

    /// <summary>
    /// Registers the default Accengage account, configured from <paramref name="configuration"/> (for example the
    /// <see cref="AccengageClientOptions.SectionName"/> section: PartnerId, ApiKey, UserEmail, BaseUrl, ...).
    /// </summary>
    public static IHttpClientBuilder AddAccengageClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddVendorClient(AccengageClient.Vendor, key: null, options => options.Bind(configuration));
    }

    /// <summary>
    /// Registers the Accengage account <paramref name="key"/>, configured by <paramref name="configure"/>, beside any
    /// other: resolve it with <c>[FromKeyedServices("eu")] IAccengageClient</c>. Its options are named after the key.
    /// </summary>
    public static IHttpClientBuilder AddAccengageClient(this IServiceCollection services, string key, Action<AccengageClientOptions> configure)
        => services.AddVendorClient(AccengageClient.Vendor, key ?? throw new ArgumentNullException(nameof(key)), configure);

    /// <summary>Registers the Accengage account <paramref name="key"/>, configured from <paramref name="configuration"/>, beside any other.</summary>
    public static IHttpClientBuilder AddAccengageClient(this IServiceCollection services, string key, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddVendorClient(AccengageClient.Vendor, key ?? throw new ArgumentNullException(nameof(key)), options => options.Bind(configuration));
    }
}
