using Contracts.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contracts.Ogangi;

/// <summary>Registers <see cref="OgangiClient"/> with IHttpClientFactory, options validated at start-up.</summary>
public static class OgangiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="OgangiClient"/> (and <see cref="IOgangiClient"/>) configured by <paramref name="configure"/>.
    /// Returns the client's builder, so you can add your own handlers.
    /// </summary>
    /// <remarks>
    /// IHttpClientFactory's default request logging is removed for this client: it writes the request URL, and an
    /// Ogangi URL carries the public key, a signature that stays valid for that exact call, and the recipient and
    /// text. Add <c>.AddDefaultLogger()</c> to the returned builder if you accept that in your logs.
    /// </remarks>
    public static IHttpClientBuilder AddOgangiClient(this IServiceCollection services, Action<OgangiClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddVendorOptions<OgangiClientOptions>().Configure(configure);
        return AddOgangiClientCore(services);
    }

    /// <summary>
    /// Registers <see cref="OgangiClient"/> configured from <paramref name="configuration"/> (for example the
    /// <see cref="OgangiClientOptions.SectionName"/> section: BaseUrl, InstanceId, PublicKey, PrivateKey, ...).
    /// </summary>
    /// <remarks><inheritdoc cref="AddOgangiClient(IServiceCollection, Action{OgangiClientOptions})" path="/remarks"/></remarks>
    public static IHttpClientBuilder AddOgangiClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddVendorOptions<OgangiClientOptions>().Bind(configuration);
        return AddOgangiClientCore(services);
    }

    private static IHttpClientBuilder AddOgangiClientCore(IServiceCollection services)
        => services.AddVendorHttpClient<IOgangiClient, OgangiClient, OgangiClientOptions>(
                OgangiClient.ProductName,
                (http, sp) => new OgangiClient(http, sp.GetVendorOptions<OgangiClientOptions>(), sp.GetService<ILogger<OgangiClient>>()));
}
