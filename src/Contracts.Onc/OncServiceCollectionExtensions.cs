using System.Diagnostics.CodeAnalysis;
using Contracts.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Contracts.Onc;

/// <summary>
/// Registers <see cref="OncClient"/> with options validated at start-up and its HTTP pipeline in IHttpClientFactory,
/// through Core's one vendor description (<see cref="OncClient"/>'s): for the default account, or for named accounts
/// side by side (keyed services), each with its own options, session and connections. Each account's client is one
/// instance for the container's life (every caller shares its session), disposed by the container, which closes the
/// session.
/// </summary>
public static class OncServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="OncClient"/> (and <see cref="IOncClient"/>), configured by <paramref name="configure"/>.
    /// Returns the builder of the HttpClient whose handlers the SOAP requests go through, so you can add your own.
    /// </summary>
    [RequiresUnreferencedCode(OncClient.JitOnly), RequiresDynamicCode(OncClient.JitOnly)]
    public static IHttpClientBuilder AddOncClient(this IServiceCollection services, Action<OncClientOptions> configure)
        => services.AddVendorClient(OncClient.Vendor, key: null, configure);

    /// <summary>
    /// Registers <see cref="OncClient"/> configured from <paramref name="configuration"/> (for example the
    /// <see cref="OncClientOptions.SectionName"/> section: BaseUrl, AccountId, UserName, Password, ...).
    /// </summary>
    [RequiresUnreferencedCode(OncClient.JitOnly), RequiresDynamicCode(OncClient.JitOnly)]
    public static IHttpClientBuilder AddOncClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddVendorClient(OncClient.Vendor, key: null, options => options.Bind(configuration));
    }

    /// <summary>
    /// Registers the ONC account <paramref name="key"/> (its own options, session and connections), configured by
    /// <paramref name="configure"/>, beside any other: resolve it with <c>[FromKeyedServices("eu")] IOncClient</c>.
    /// </summary>
    [RequiresUnreferencedCode(OncClient.JitOnly), RequiresDynamicCode(OncClient.JitOnly)]
    public static IHttpClientBuilder AddOncClient(this IServiceCollection services, string key, Action<OncClientOptions> configure)
        => services.AddVendorClient(OncClient.Vendor, key ?? throw new ArgumentNullException(nameof(key)), configure);

    /// <summary>Registers the ONC account <paramref name="key"/>, configured from <paramref name="configuration"/>, beside any other.</summary>
    [RequiresUnreferencedCode(OncClient.JitOnly), RequiresDynamicCode(OncClient.JitOnly)]
    public static IHttpClientBuilder AddOncClient(this IServiceCollection services, string key, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddVendorClient(OncClient.Vendor, key ?? throw new ArgumentNullException(nameof(key)), options => options.Bind(configuration));
    }
}
