using Contracts.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Contracts.Engage;

/// <summary>Registers <see cref="EngageClient"/> with IHttpClientFactory, options validated at start-up.</summary>
public static class EngageServiceCollectionExtensions
{
    /// <summary>The named HttpClient used for the open token endpoint.</summary>
    public const string TokenHttpClientName = "Contracts.Engage.Token";

    /// <summary>The name of the typed HttpClient behind <see cref="IEngageClient"/> (IHttpClientFactory names typed clients after the type).</summary>
    public const string ApiHttpClientName = nameof(IEngageClient);

    /// <summary>
    /// Registers <see cref="EngageClient"/> (and <see cref="IEngageClient"/>) configured by <paramref name="configure"/>.
    /// Returns the client's builder, so you can add your own handlers.
    /// </summary>
    public static IHttpClientBuilder AddEngageClient(this IServiceCollection services, Action<EngageClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<EngageClientOptions>().Configure(configure);
        return AddEngageClientCore(services);
    }

    /// <summary>
    /// Registers <see cref="EngageClient"/> configured from <paramref name="configuration"/> (for example the
    /// <see cref="EngageClientOptions.SectionName"/> section: ClientId, ClientSecret, Region, BaseUrl, BatchSize, ...).
    /// </summary>
    public static IHttpClientBuilder AddEngageClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EngageClientOptions>().Bind(configuration);
        return AddEngageClientCore(services);
    }

    private static IHttpClientBuilder AddEngageClientCore(IServiceCollection services)
    {
        // Called twice (say, configuration then code): the second call only adds its configuration; adding the
        // pipeline again would put every handler in twice.
        if (services.Any(d => d.ServiceType == typeof(EngageTokenProvider)))
            return services.AddHttpClient(ApiHttpClientName);

        services.AddOptions<EngageClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EngageClientOptions>, EngageClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(TokenHttpClientName, (sp, http) => Configure(http, Options(sp)))
            .AddVendorPipeline(Options, EngageClient.ProductName);

        services.TryAddSingleton(sp => new EngageTokenProvider(
            new EngageClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(TokenHttpClientName)),
            Options(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<EngageTokenProvider>>()));

        services.TryAddTransient(sp => (EngageClient)sp.GetRequiredService<IEngageClient>());
        return services
            .AddHttpClient<IEngageClient, EngageClient>((http, sp) => new EngageClient(http, Options(sp), sp.GetService<ILogger<EngageClient>>()))
            .ConfigureHttpClient((sp, http) => Configure(http, Options(sp)))
            .AddVendorPipeline(
                Options,
                EngageClient.ProductName,
                authentication: sp => new BearerTokenHandler(sp.GetRequiredService<EngageTokenProvider>(), logger: sp.GetService<ILogger<BearerTokenHandler>>()));
    }

    private static EngageClientOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<EngageClientOptions>>().Value;

    private static void Configure(HttpClient http, EngageClientOptions options)
    {
        var baseUrl = options.ResolveBaseUrl().AbsoluteUri;
        http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        http.Timeout = options.Timeout;
    }
}
