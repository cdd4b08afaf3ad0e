using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Contracts.Core.Http;

/// <summary>
/// The registration every vendor's <c>AddXxxClient</c> shares: options validated at start-up, a typed client over
/// IHttpClientFactory with the standard pipeline, and (for bearer-token vendors) a singleton token provider with its
/// own HttpClient. Registering a vendor twice adds configuration, never a second pipeline.
/// </summary>
public static class VendorServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TOptions"/> with validation at start-up (<see cref="VendorOptionsValidator{TOptions}"/>).</summary>
    public static OptionsBuilder<TOptions> AddVendorOptions<TOptions>(this IServiceCollection services)
        where TOptions : VendorClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, VendorOptionsValidator<TOptions>>());
        services.TryAddSingleton(TimeProvider.System);
        return services.AddOptions<TOptions>().ValidateOnStart();
    }

    /// <summary>The validated options of a vendor.</summary>
    public static TOptions GetVendorOptions<TOptions>(this IServiceProvider services)
        where TOptions : VendorClientOptions
        => services.GetRequiredService<IOptions<TOptions>>().Value;

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as the typed client behind <typeparamref name="TInterface"/> (both
    /// resolvable), with base address and timeout from the options and the standard pipeline. A second call returns
    /// the existing client's builder.
    /// </summary>
    public static IHttpClientBuilder AddVendorHttpClient<TInterface, TClient, TOptions>(
        this IServiceCollection services,
        string productName,
        Func<HttpClient, IServiceProvider, TClient> create,
        Func<IServiceProvider, DelegatingHandler>? authentication = null,
        Func<IServiceProvider, DelegatingHandler>? signing = null)
        where TInterface : class
        where TClient : class, TInterface
        where TOptions : VendorClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        // IHttpClientFactory names a typed client after its service type.
        var name = typeof(TInterface).Name;
        if (services.Any(d => d.ServiceType == typeof(TClient)))
            return services.AddHttpClient(name);

        services.AddTransient(sp => (TClient)sp.GetRequiredService<TInterface>());
        return services
            .AddHttpClient<TInterface, TClient>(create)
            .ConfigureHttpClient((sp, http) => VendorHttpPipeline.Configure(http, sp.GetVendorOptions<TOptions>()))
            .AddVendorPipeline(sp => sp.GetVendorOptions<TOptions>(), productName, authentication, signing);
    }

    /// <summary>
    /// Registers a singleton token provider whose token requests go through a named HttpClient with the standard
    /// pipeline (and the vendor's signing, if any) but no bearer handler. Once per vendor; later calls do nothing.
    /// </summary>
    public static IServiceCollection AddVendorTokenProvider<TProvider, TOptions>(
        this IServiceCollection services,
        string httpClientName,
        string productName,
        Func<HttpClient, IServiceProvider, TProvider> create,
        Func<IServiceProvider, DelegatingHandler>? signing = null)
        where TProvider : class
        where TOptions : VendorClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        if (services.Any(d => d.ServiceType == typeof(TProvider)))
            return services;

        services.AddHttpClient(httpClientName, (sp, http) => VendorHttpPipeline.Configure(http, sp.GetVendorOptions<TOptions>()))
            .AddVendorPipeline(sp => sp.GetVendorOptions<TOptions>(), productName, signing: signing);
        services.AddSingleton(sp => create(sp.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName), sp));
        return services;
    }
}
