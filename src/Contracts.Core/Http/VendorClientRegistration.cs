using Contracts.Core.Authentication;

namespace Contracts.Core.Http;

/// <summary>
/// How one vendor's client is put together in a container: the single description a vendor package gives, from which
/// <see cref="VendorServiceCollectionExtensions.AddVendorClient{TInterface, TClient, TOptions}"/> registers an account
/// of that vendor — its options (validated at start-up), its HttpClient with the SDK's pipeline, its token provider and
/// its client — once per account, so several accounts of one vendor live side by side, each with its own options,
/// tokens and connections. Everything else (the pipeline, the options plumbing, keyed services) is Core's.
/// </summary>
/// <typeparam name="TInterface">The client's interface, which applications inject.</typeparam>
/// <typeparam name="TClient">The client.</typeparam>
/// <typeparam name="TOptions">The client's options.</typeparam>
public sealed class VendorClientRegistration<TInterface, TClient, TOptions>
    where TInterface : class
    where TClient : class, TInterface
    where TOptions : VendorClientOptions
{
    /// <summary>The package name the telemetry and the user agent carry (e.g. Contracts.Engage).</summary>
    public required string ProductName { get; init; }

    /// <summary>Creates the client over an HttpClient that carries the account's pipeline, with the account's options.</summary>
    public required Func<HttpClient, TOptions, IServiceProvider, TClient> CreateClient { get; init; }

    /// <summary>
    /// Creates the account's token provider (one per account, for the container's lifetime) over an HttpClient with
    /// the pipeline but no bearer handler; null for a vendor without tokens.
    /// </summary>
    public Func<HttpClient, TOptions, IServiceProvider, CachingAccessTokenProvider>? CreateTokenProvider { get; init; }

    /// <summary>
    /// Decides whether an answer means the vendor refused the bearer token (so the token is refreshed and the call sent
    /// once more); null for the default, a 401.
    /// </summary>
    public Func<HttpResponseMessage, CancellationToken, ValueTask<bool>>? IsTokenRejected { get; init; }

    /// <summary>Creates the handler that signs each request with the account's options; null for a vendor that does not sign.</summary>
    public Func<TOptions, IServiceProvider, DelegatingHandler>? CreateSigning { get; init; }
}
