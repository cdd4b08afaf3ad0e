using System.Diagnostics.CodeAnalysis;
using Contracts.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Contracts.Onc;

/// <summary>
/// Registers <see cref="OncClient"/> with options validated at start-up and its HTTP pipeline in IHttpClientFactory:
/// for the default account, or for named accounts side by side (keyed services), each with its own options, session
/// and connections.
/// </summary>
public static class OncServiceCollectionExtensions
{
    /// <summary>The named HttpClient whose handler pipeline carries the SOAP requests (a keyed account's adds ":" and its key).</summary>
    public const string HttpClientName = "Contracts.Onc";

    /// <summary>
    /// Registers <see cref="OncClient"/> (and <see cref="IOncClient"/>) as a singleton, so that every user shares one
    /// session, configured by <paramref name="configure"/>. Returns the builder of the named HttpClient whose handlers
    /// the SOAP requests go through, so you can add your own.
    /// </summary>
    [RequiresUnreferencedCode(OncClient.JitOnly), RequiresDynamicCode(OncClient.JitOnly)]
    public static IHttpClientBuilder AddOncClient(this IServiceCollection services, Action<OncClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddOncClientCore(services, key: null, options => options.Configure(configure));
    }

    /// <summary>
    /// Registers <see cref="OncClient"/> configured from <paramref name="configuration"/> (for example the
    /// <see cref="OncClientOptions.SectionName"/> section: BaseUrl, AccountId, UserName, Password, ...).
    /// </summary>
    [RequiresUnreferencedCode(OncClient.JitOnly), RequiresDynamicCode(OncClient.JitOnly)]
    public static IHttpClientBuilder AddOncClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return AddOncClientCore(services, key: null, options => options.Bind(configuration));
    }

    /// <summary>
    /// Registers the ONC account <paramref name="key"/> (a singleton with its own session), configured by
    /// <paramref name="configure"/>, beside any other: resolve it with <c>[FromKeyedServices("eu")] IOncClient</c>.
    /// </summary>
    [RequiresUnreferencedCode(OncClient.JitOnly), RequiresDynamicCode(OncClient.JitOnly)]
    public static IHttpClientBuilder AddOncClient(this IServiceCollection services, string key, Action<OncClientOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(configure);
        return AddOncClientCore(services, key, options => options.Configure(configure));
    }

    /// <summary>Registers the ONC account <paramref name="key"/>, configured from <paramref name="configuration"/>, beside any other.</summary>
    [RequiresUnreferencedCode(OncClient.JitOnly), RequiresDynamicCode(OncClient.JitOnly)]
    public static IHttpClientBuilder AddOncClient(this IServiceCollection services, string key, IConfiguration configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddOncClientCore(services, key, options => options.Bind(configuration));
    }

    /// <summary>
    /// The client is a singleton over one handler pipeline for its lifetime (WCF keeps the HttpClient), unlike the
    /// REST clients Core registers as typed clients; so ONC registers itself, with Core's options and pipeline.
    /// </summary>
    private static IHttpClientBuilder AddOncClientCore(IServiceCollection services, string? key, Action<OptionsBuilder<OncClientOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(services);
        configureOptions(services.AddVendorOptions<OncClientOptions>(key));
        var httpClientName = key is null ? HttpClientName : $"{HttpClientName}:{key}";
        // Registered once per account: a second call adds configuration only, not a second pipeline.
        if (services.Any(d => d.ServiceType == typeof(OncClient) && (key is null ? !d.IsKeyedService : d.IsKeyedService && Equals(d.ServiceKey, key))))
            return services.AddHttpClient(httpClientName);

        OncClient Create(IServiceProvider sp) => new(
            sp.GetVendorOptions<OncClientOptions>(key),
            sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(httpClientName),
            ownsPipeline: false,
            sp.GetService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>());
        if (key is null)
        {
            services.AddSingleton(Create);
            services.AddSingleton<IOncClient>(sp => sp.GetRequiredService<OncClient>());
        }
        else
        {
            services.AddKeyedSingleton(key, (sp, _) => Create(sp));
            services.AddKeyedSingleton<IOncClient>(key, (sp, k) => sp.GetRequiredKeyedService<OncClient>(k));
        }

        // The client holds one pipeline for its lifetime, so connections are recycled by the transport, not the factory.
        return services.AddHttpClient(httpClientName)
            .AddVendorPipeline(sp => sp.GetVendorOptions<OncClientOptions>(key), OncClient.ProductName);
    }
}
