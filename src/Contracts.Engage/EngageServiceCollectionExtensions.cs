using Contracts.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contracts.Engage;

/// <summary>
/// Registers <see cref="EngageClient"/> with IHttpClientFactory, options validated at start-up: for the default
/// account, or for named accounts side by side (keyed services), each with its own options, token and connections.
/// </summary>
public static class EngageServiceCollectionExtensions
{
    /// <summary>What an ENGAGE account needs in a container: a client with a bearer token from its own token provider.</summary>
    private static readonly VendorClientRegistration<IEngageClient, EngageClient, EngageClientOptions> Registration = new()
    {
        ProductName = EngageClient.ProductName,
        CreateClient = (http, options, sp) => new EngageClient(http, options, sp.GetService<ILogger<EngageClient>>()),
        CreateTokenProvider = (http, options, sp) => new EngageTokenProvider(new EngageClient(http), options, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<EngageTokenProvider>>()),
    };

    /// <summary>
    /// Registers <see cref="EngageClient"/> (and <see cref="IEngageClient"/>) configured by <paramref name="configure"/>.
    /// Returns the client's builder, so you can add your own handlers. Calling it again adds configuration only.
    /// </summary>
    public static IHttpClientBuilder AddEngageClient(this IServiceCollection services, Action<EngageClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddVendorClient(Registration, key: null, options => options.Configure(configure));
    }

    /// <summary>
    /// Registers <see cref="EngageClient"/> configured from <paramref name="configuration"/> (for example the
    /// <see cref="EngageClientOptions.SectionName"/> section: ClientId, ClientSecret, Region, BaseUrl, BatchSize, ...).
    /// </summary>
    public static IHttpClientBuilder AddEngageClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddVendorClient(Registration, key: null, options => options.Bind(configuration));
    }

    /// <summary>
    /// Registers the ENGAGE account <paramref name="key"/>, configured by <paramref name="configure"/>, beside any
    /// other: resolve it with <c>[FromKeyedServices("eu")] IEngageClient</c> (or
    /// <c>GetRequiredKeyedService&lt;IEngageClient&gt;("eu")</c>). It has its own options (named after the key), token
    /// and connections.
    /// </summary>
    public static IHttpClientBuilder AddEngageClient(this IServiceCollection services, string key, Action<EngageClientOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddVendorClient(Registration, key, options => options.Configure(configure));
    }

    /// <summary>Registers the ENGAGE account <paramref name="key"/>, configured from <paramref name="configuration"/>, beside any other.</summary>
    public static IHttpClientBuilder AddEngageClient(this IServiceCollection services, string key, IConfiguration configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddVendorClient(Registration, key, options => options.Bind(configuration));
    }
}
