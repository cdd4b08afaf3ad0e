using Contracts.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Contracts.Ogangi;

/// <summary>
/// Registers <see cref="OgangiClient"/> with IHttpClientFactory, options validated at start-up: for the default
/// account, or for named accounts side by side (keyed services), each with its own options and connections.
/// </summary>
public static class OgangiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="OgangiClient"/> (and <see cref="IOgangiClient"/>) configured by <paramref name="configure"/>.
    /// Returns the client's builder, so you can add your own handlers. Calling it again adds configuration only.
    /// </summary>
    /// <remarks>
    /// IHttpClientFactory's default request logging is removed for this client: it writes the request URL, and an
    /// Ogangi URL carries the public key, a signature that stays valid for that exact call, and the recipient and
    /// text. Add <c>.AddDefaultLogger()</c> to the returned builder if you accept that in your logs.
    /// </remarks>
    public static IHttpClientBuilder AddOgangiClient(this IServiceCollection services, Action<OgangiClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddVendorClient(OgangiClient.Vendor, key: null, options => options.Configure(configure));
    }

    /// <summary>
    /// Registers <see cref="OgangiClient"/> configured from <paramref name="configuration"/> (for example the
    /// <see cref="OgangiClientOptions.SectionName"/> section: BaseUrl, InstanceId, PublicKey, PrivateKey, ...).
    /// </summary>
    /// <remarks><inheritdoc cref="AddOgangiClient(IServiceCollection, Action{OgangiClientOptions})" path="/remarks"/></remarks>
    public static IHttpClientBuilder AddOgangiClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddVendorClient(OgangiClient.Vendor, key: null, options => options.Bind(configuration));
    }

    /// <summary>
    /// Registers the Ogangi account <paramref name="key"/>, configured by <paramref name="configure"/>, beside any
    /// other: resolve it with <c>[FromKeyedServices("eu")] IOgangiClient</c> (or
    /// <c>GetRequiredKeyedService&lt;IOgangiClient&gt;("eu")</c>). It has its own options (named after the key) and
    /// connections.
    /// </summary>
    public static IHttpClientBuilder AddOgangiClient(this IServiceCollection services, string key, Action<OgangiClientOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddVendorClient(OgangiClient.Vendor, key, options => options.Configure(configure));
    }

    /// <summary>Registers the Ogangi account <paramref name="key"/>, configured from <paramref name="configuration"/>, beside any other.</summary>
    public static IHttpClientBuilder AddOgangiClient(this IServiceCollection services, string key, IConfiguration configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddVendorClient(OgangiClient.Vendor, key, options => options.Bind(configuration));
    }
}
