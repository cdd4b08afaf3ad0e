using Contracts.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<OgangiClientOptions>().Configure(configure);
        return AddOgangiClientCore(services);
    }

    /// <summary>
    /// Registers <see cref="OgangiClient"/> configured from <paramref name="configuration"/> (for example the
    /// <see cref="OgangiClientOptions.SectionName"/> section: BaseUrl, InstanceId, PublicKey, PrivateKey, ...).
    /// </summary>
    /// <remarks><inheritdoc cref="AddOgangiClient(IServiceCollection, Action{OgangiClientOptions})" path="/remarks"/></remarks>
    public static IHttpClientBuilder AddOgangiClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OgangiClientOptions>().Bind(configuration);
        return AddOgangiClientCore(services);
    }

    private static IHttpClientBuilder AddOgangiClientCore(IServiceCollection services)
    {
        services.AddOptions<OgangiClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OgangiClientOptions>, OgangiClientOptionsValidator>());
        services.TryAddTransient(sp => (OgangiClient)sp.GetRequiredService<IOgangiClient>());
        return services
            .AddHttpClient<IOgangiClient, OgangiClient>((http, sp) => new OgangiClient(http, Options(sp), sp.GetService<ILogger<OgangiClient>>()))
            .ConfigureHttpClient((sp, http) => Configure(http, Options(sp)))
            .AddVendorPipeline(Options, OgangiClient.ProductName)
            .RemoveAllLoggers();
    }

    private static OgangiClientOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<OgangiClientOptions>>().Value;

    private static void Configure(HttpClient http, OgangiClientOptions options)
    {
        // Validation at start-up rejects a missing BaseUrl before any client is created.
        var baseUrl = options.BaseUrl!.AbsoluteUri;
        http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        http.Timeout = options.Timeout;
    }
}
