using Contracts.Core.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contracts.Accengage;

/// <summary>
/// Client for the Accengage API v1. The 72 operations of the contract are generated; this part adds construction
/// with the signed-header step and the token lifecycle, paging that follows the Link header
/// (<c>Enumerate...Async</c>, the CSV device list a page at a time) and batches split into compliant requests
/// (<see cref="SendInstantMessageInChunksAsync(MessageData, IAsyncEnumerable{Target}, CancellationToken)"/>,
/// <see cref="UpdateDevicesInChunksAsync(IAsyncEnumerable{IDictionary{string, object}}, CancellationToken)"/>).
/// </summary>
/// <remarks>
/// Thread-safe: share one instance. <c>new AccengageClient(options)</c> owns its connections and must be disposed;
/// with <c>services.AddAccengageClient(...)</c> the container owns them.
/// </remarks>
public partial class AccengageClient : IDisposable
{
    /// <summary>User-agent product name sent with every request.</summary>
    public const string ProductName = "Contracts.Accengage";

    private readonly AccengageClientOptions _options = new();
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly OwnedHttpClients? _connections;

    /// <summary>
    /// Creates a client that signs every request and gets, caches and refreshes its own tokens from <paramref name="options"/>.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message names it.</exception>
    public AccengageClient(AccengageClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(options, transport: null, loggerFactory, timeProvider: null)
    {
    }

    /// <summary>
    /// Creates a client over a transport of your own (an in-memory handler in tests, a custom socket handler).
    /// The transport is not disposed with the client.
    /// </summary>
    public AccengageClient(AccengageClientOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(BuildPipeline(options, transport, loggerFactory, timeProvider, out var connections), options, loggerFactory?.CreateLogger<AccengageClient>())
    {
        _connections = connections;
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> you configured yourself; it must already sign requests and
    /// add the bearer token (as <c>AddAccengageClient</c> does) and have a base address ending with '/'. Not
    /// disposed with the client.
    /// </summary>
    public AccengageClient(HttpClient httpClient, AccengageClientOptions options, ILogger<AccengageClient>? logger)
        : this(httpClient, options, (ILogger?)logger)
    {
    }

    private AccengageClient(HttpClient httpClient, AccengageClientOptions options, ILogger? logger)
        : this(httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Disposes the connections this client created; a container's or caller's HttpClient is left alone.</summary>
    public void Dispose()
    {
        _connections?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static HttpClient BuildPipeline(
        AccengageClientOptions options,
        HttpMessageHandler? transport,
        ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider,
        out OwnedHttpClients connections)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        connections = new OwnedHttpClients(transport);
        // The token route is open but signed: its client has the standard pipeline and signing, no bearer handler.
        var tokenHttp = connections.Create(options, ProductName, signing: new AccengageSigningHandler(options.ApiKey, timeProvider, options.SignDeleteBody));
        var tokens = new AccengageTokenProvider(new AccengageClient(tokenHttp), options, timeProvider, loggerFactory?.CreateLogger<AccengageTokenProvider>());
        var bearer = new BearerTokenHandler(tokens, AccengageTokenProvider.IsTokenRejectedAsync, loggerFactory?.CreateLogger<BearerTokenHandler>());
        return connections.Create(options, ProductName, authentication: bearer, signing: new AccengageSigningHandler(options.ApiKey, timeProvider, options.SignDeleteBody));
    }
}
