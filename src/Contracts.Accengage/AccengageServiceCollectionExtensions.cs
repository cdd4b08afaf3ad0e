using Contracts.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Contracts.Accengage;

/// <summary>Registers <see cref="AccengageClient"/> with IHttpClientFactory, options validated at start-up.</summary>
public static class AccengageServiceCollectionExtensions
{
    /// <summary>The named HttpClient used for the (signed, token-less) access token route.</summary>
    public const string TokenHttpClientName = "Contracts.Accengage.Token";

    /// <summary>
    /// Registers <see cref="AccengageClient"/> (and <see cref="IAccengageClient"/>) configured by <paramref name="configure"/>.
    /// Returns the client's builder, so you can add your own handlers.
    /// </summary>
    public static IHttpClientBuilder AddAccengageClient(this IServiceCollection services, Action<AccengageClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AccengageClientOptions>().Configure(configure);
        return AddAccengageClientCore(services);
    }

    /// <summary>
    /// Registers <see cref="AccengageClient"/> configured from <paramref name="configuration"/> (for example the
    /// <see cref="AccengageClientOptions.SectionName"/> section: PartnerId, ApiKey, UserEmail, BaseUrl, ...).
    /// </summary>
    public static IHttpClientBuilder AddAccengageClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AccengageClientOptions>().Bind(configuration);
        return AddAccengageClientCore(services);
    }

    private static IHttpClientBuilder AddAccengageClientCore(IServiceCollection services)
    {
        services.AddOptions<AccengageClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccengageClientOptions>, AccengageClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(TokenHttpClientName, (sp, http) => Configure(http, Options(sp)))
            .AddVendorPipeline(Options, AccengageClient.ProductName, signing: Signing);

        services.TryAddSingleton(sp => new AccengageTokenProvider(
            new AccengageClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(TokenHttpClientName)),
            Options(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<AccengageTokenProvider>>()));

        services.TryAddTransient(sp => (AccengageClient)sp.GetRequiredService<IAccengageClient>());
        return services
            .AddHttpClient<IAccengageClient, AccengageClient>((http, sp) => new AccengageClient(http, Options(sp), sp.GetService<ILogger<AccengageClient>>()))
            .ConfigureHttpClient((sp, http) => Configure(http, Options(sp)))
            .AddVendorPipeline(
                Options,
                AccengageClient.ProductName,
                authentication: sp => new BearerTokenHandler(sp.GetRequiredService<AccengageTokenProvider>(), AccengageTokenProvider.IsTokenRejectedAsync, sp.GetService<ILogger<BearerTokenHandler>>()),
                signing: Signing);
    }

    private static AccengageClientOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<AccengageClientOptions>>().Value;

    private static DelegatingHandler Signing(IServiceProvider services) => new AccengageSigningHandler(Options(services).ApiKey, services.GetRequiredService<TimeProvider>());

    private static void Configure(HttpClient http, AccengageClientOptions options)
    {
        var baseUrl = options.ResolveBaseUrl().AbsoluteUri;
        http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        http.Timeout = options.Timeout;
    }
}
