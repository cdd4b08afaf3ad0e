using Contracts.Core.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contracts.Accengage;

/// <summary>
/// Registers <see cref="AccengageClient"/> with IHttpClientFactory, options validated at start-up: for the default
/// account, or for named accounts side by side (keyed services), each with its own options, token and connections.
/// </summary>
public static class AccengageServiceCollectionExtensions
{
    /// <summary>
    /// What an Accengage account needs in a container: a client whose requests are signed with the account's API key
    /// and carry a bearer token from its own token provider (whose token requests are signed too).
    /// </summary>
    private static readonly VendorClientRegistration<IAccengageClient, AccengageClient, AccengageClientOptions> Registration = new()
    {
        ProductName = AccengageClient.ProductName,
        CreateClient = (http, options, sp) => new AccengageClient(http, options, sp.GetService<ILogger<AccengageClient>>()),
        CreateTokenProvider = (http, options, sp) => new AccengageTokenProvider(new AccengageClient(http), options, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<AccengageTokenProvider>>()),
        IsTokenRejected = AccengageTokenProvider.IsTokenRejectedAsync,
        CreateSigning = (options, sp) => new AccengageSigningHandler(options.ApiKey, sp.GetRequiredService<TimeProvider>(), options.SignDeleteBody),
    };

    /// <summary>
    /// Registers <see cref="AccengageClient"/> (and <see cref="IAccengageClient"/>) configured by <paramref name="configure"/>.
    /// Returns the client's builder, so you can add your own handlers. Calling it again adds configuration only.
    /// </summary>
    public static IHttpClientBuilder AddAccengageClient(this IServiceCollection services, Action<AccengageClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddVendorClient(Registration, key: null, options => options.Configure(configure));
    }

    /// <summary>
    /// Registers <see cref="AccengageClient"/> configured from <paramref name="configuration"/> (for example the
    /// <see cref="AccengageClientOptions.SectionName"/> section: PartnerId, ApiKey, UserEmail, BaseUrl, ...).
    /// </summary>
    public static IHttpClientBuilder AddAccengageClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddVendorClient(Registration, key: null, options => options.Bind(configuration));
    }

    /// <summary>
    /// Registers the Accengage account <paramref name="key"/>, configured by <paramref name="configure"/>, beside any
    /// other: resolve it with <c>[FromKeyedServices("eu")] IAccengageClient</c> (or
    /// <c>GetRequiredKeyedService&lt;IAccengageClient&gt;("eu")</c>). It has its own options (named after the key), token
    /// and connections.
    /// </summary>
    public static IHttpClientBuilder AddAccengageClient(this IServiceCollection services, string key, Action<AccengageClientOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddVendorClient(Registration, key, options => options.Configure(configure));
    }

    /// <summary>Registers the Accengage account <paramref name="key"/>, configured from <paramref name="configuration"/>, beside any other.</summary>
    public static IHttpClientBuilder AddAccengageClient(this IServiceCollection services, string key, IConfiguration configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddVendorClient(Registration, key, options => options.Bind(configuration));
    }
}
