using Contracts.Core.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contracts.Core.Http;

/// <summary>
/// The one description of a vendor's client a vendor package gives: how to create the client from its parts, how to
/// ask for a token (for vendors with tokens) and how to sign (for vendors that sign). Both ways of construction are
/// built from it: <see cref="Connect"/> for <c>new XxxClient(options)</c>, and
/// <see cref="VendorServiceCollectionExtensions.AddVendorClient{TInterface, TClient, TOptions}(Microsoft.Extensions.DependencyInjection.IServiceCollection, VendorClientRegistration{TInterface, TClient, TOptions}, string?, Action{TOptions})"/>
/// for <c>services.AddXxxClient(...)</c> — once per account, so several accounts of one vendor live side by side, each
/// with its own options, tokens and connections. Everything else (the pipeline, the token lifecycle, the options
/// plumbing, keyed services) is Core's.
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

    /// <summary>Creates the client from its parts (the account's HttpClient, options, logs, clock and owned connections).</summary>
    public required Func<VendorClientParts<TOptions>, TClient> CreateClient { get; init; }

    /// <summary>
    /// Asks the vendor for a token through a client whose pipeline has no bearer handler (the token endpoint is
    /// open), with the account's options and the moment the request is made; null for a vendor without tokens.
    /// Core caches, shares and refreshes the tokens (<see cref="CachingAccessTokenProvider"/>), one provider per account.
    /// </summary>
    public Func<TClient, TOptions, DateTimeOffset, CancellationToken, Task<AccessToken>>? AcquireToken { get; init; }

    /// <summary>
    /// Decides whether an answer means the vendor refused the bearer token (so the token is refreshed and the call sent
    /// once more); null for the default, a 401.
    /// </summary>
    public Func<HttpResponseMessage, CancellationToken, ValueTask<bool>>? IsTokenRejected { get; init; }

    /// <summary>Creates the handler that signs each request with the account's options and clock; null for a vendor that does not sign.</summary>
    public Func<TOptions, TimeProvider, DelegatingHandler>? CreateSigning { get; init; }

    /// <summary>
    /// True for a client that holds what every caller of the account must share (ONC's session): a container keeps one
    /// per account for its life and disposes it. False (the default) for a client made per resolution over the
    /// factory's pooled handlers.
    /// </summary>
    public bool OnePerAccount { get; init; }

    /// <summary>
    /// Builds the parts of a client created with <c>new XxxClient(options)</c>: validates <paramref name="options"/>,
    /// and creates connections the client owns over <paramref name="transport"/> (or a pooled socket transport), with
    /// the vendor's signing and a token provider of the client's own; the pipeline itself is made when the client asks
    /// for it, as an HttpClient or as a handler.
    /// </summary>
    /// <param name="options">The account's options.</param>
    /// <param name="transport">The transport under the pipeline (an in-memory handler in tests); null for sockets. Not disposed with the client.</param>
    /// <param name="loggerFactory">Where logs go; null for none.</param>
    /// <param name="timeProvider">The clock; null for the system's.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message names it.</exception>
    public VendorClientParts<TOptions> Connect(TOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        var loggers = loggerFactory ?? NullLoggerFactory.Instance;
        var time = timeProvider ?? TimeProvider.System;
        var connections = new OwnedHttpClients(transport);
        try
        {
            DelegatingHandler? authentication = null;
            if (AcquireToken is not null)
            {
                // The token endpoint is open: its client has the pipeline and the signing, without the bearer handler.
                var tokenHttp = connections.Create(options, ProductName, signing: CreateSigning?.Invoke(options, time));
                authentication = CreateBearer(CreateTokenProvider(new(tokenHttp, options, loggers, time, null)), loggers);
            }
            var signing = CreateSigning?.Invoke(options, time);
            return new(
                () => connections.Create(options, ProductName, authentication, signing),
                () => connections.CreateHandler(options, ProductName, authentication, signing),
                options,
                loggers,
                time,
                connections);
        }
        catch
        {
            connections.Dispose();
            throw;
        }
    }

    /// <summary>The account's token provider, asking for tokens through a client made of <paramref name="tokenParts"/>.</summary>
    internal CachingAccessTokenProvider CreateTokenProvider(VendorClientParts<TOptions> tokenParts)
    {
        var acquire = AcquireToken ?? throw new InvalidOperationException($"{ProductName} has no tokens.");
        var tokenClient = CreateClient(tokenParts);
        var options = tokenParts.Options;
        return new VendorTokenProvider(
            options,
            ProductName,
            (issuedAt, cancellationToken) => acquire(tokenClient, options, issuedAt, cancellationToken),
            tokenParts.TimeProvider,
            tokenParts.LoggerFactory.CreateLogger<VendorTokenProvider>());
    }

    /// <summary>The handler that puts the account's token on each request.</summary>
    internal BearerTokenHandler CreateBearer(CachingAccessTokenProvider tokens, ILoggerFactory loggers)
        => new(tokens, IsTokenRejected, loggers.CreateLogger<BearerTokenHandler>());
}
