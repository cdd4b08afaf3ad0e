using Contracts.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contracts.Accengage;

/// <summary>Registers <see cref="AccengageClient"/> with IHttpClientFactory, options validated at start-up.</summary>
public static class AccengageServiceCollectionExtensions
{
    /// <summary>The named HttpClient used for the (signed, token-less) access token route.</summary>
    public const string TokenHttpClientName = "Contracts.Accengage.Token";

    /// <summary>
    /// Registers <see cref="AccengageClient"/> (and <see cref="IAccengageClient"/>) configured by <paramref name="configure"/>.
    /// Returns the client's builder, so you can add your own handlers. Calling it again adds configuration only.
    /// </summary>
    public static IHttpClientBuilder AddAccengageClient(this IServiceCollection services, Action<AccengageClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddVendorOptions<AccengageClientOptions>().Configure(configure);
        return AddAccengageClientCore(services);
    }

    /// <summary>
    /// Registers <see cref="AccengageClient"/> configured from <paramref name="configuration"/> (for example the
    /// <see cref="AccengageClientOptions.SectionName"/> section: PartnerId, ApiKey, UserEmail, BaseUrl, ...).
    /// </summary>
    public static IHttpClientBuilder AddAccengageClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddVendorOptions<AccengageClientOptions>().Bind(configuration);
        return AddAccengageClientCore(services);
    }

    private static IHttpClientBuilder AddAccengageClientCore(IServiceCollection services)
    {
        services.AddVendorTokenProvider<AccengageTokenProvider, AccengageClientOptions>(
            TokenHttpClientName,
            AccengageClient.ProductName,
            (http, sp) => new AccengageTokenProvider(new AccengageClient(http), sp.GetVendorOptions<AccengageClientOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<AccengageTokenProvider>>()),
            signing: Signing);
        return services.AddVendorHttpClient<IAccengageClient, AccengageClient, AccengageClientOptions>(
            AccengageClient.ProductName,
            (http, sp) => new AccengageClient(http, sp.GetVendorOptions<AccengageClientOptions>(), sp.GetService<ILogger<AccengageClient>>()),
            authentication: sp => new BearerTokenHandler(sp.GetRequiredService<AccengageTokenProvider>(), AccengageTokenProvider.IsTokenRejectedAsync, sp.GetService<ILogger<BearerTokenHandler>>()),
            signing: Signing);
    }

    private static DelegatingHandler Signing(IServiceProvider services)
    {
        var options = services.GetVendorOptions<AccengageClientOptions>();
        return new AccengageSigningHandler(options.ApiKey, services.GetRequiredService<TimeProvider>(), options.SignDeleteBody);
    }
}
