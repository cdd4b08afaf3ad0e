using Contracts.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contracts.Onc;

/// <summary>Registers <see cref="OncClient"/> with options validated at start-up and its HTTP pipeline in IHttpClientFactory.</summary>
public static class OncServiceCollectionExtensions
{
    /// <summary>The named HttpClient whose handler pipeline carries the SOAP requests.</summary>
    public const string HttpClientName = "Contracts.Onc";

    /// <summary>
    /// Registers <see cref="OncClient"/> (and <see cref="IOncClient"/>) as a singleton, so that every user shares one
    /// session, configured by <paramref name="configure"/>. Returns the builder of the named HttpClient whose handlers
    /// the SOAP requests go through, so you can add your own.
    /// </summary>
    public static IHttpClientBuilder AddOncClient(this IServiceCollection services, Action<OncClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddVendorOptions<OncClientOptions>().Configure(configure);
        return AddOncClientCore(services);
    }

    /// <summary>
    /// Registers <see cref="OncClient"/> configured from <paramref name="configuration"/> (for example the
    /// <see cref="OncClientOptions.SectionName"/> section: BaseUrl, AccountId, UserName, Password, ...).
    /// </summary>
    public static IHttpClientBuilder AddOncClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddVendorOptions<OncClientOptions>().Bind(configuration);
        return AddOncClientCore(services);
    }

    private static IHttpClientBuilder AddOncClientCore(IServiceCollection services)
    {
        // Registered once: a second call adds configuration only, not a second pipeline.
        if (services.Any(d => d.ServiceType == typeof(OncClient)))
            return services.AddHttpClient(HttpClientName);

        services.AddSingleton(sp => new OncClient(
            sp.GetVendorOptions<OncClientOptions>(),
            sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientName),
            sp.GetService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IOncClient>(sp => sp.GetRequiredService<OncClient>());

        // The client holds one pipeline for its lifetime, so connections are recycled by the transport, not the factory.
        return services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(VendorHttpPipeline.CreateTransport)
            .AddVendorPipeline(sp => sp.GetVendorOptions<OncClientOptions>(), OncClient.ProductName);
    }
}
