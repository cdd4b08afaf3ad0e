using Contracts.Core.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contracts.Engage;

/// <summary>
/// Client for ENGAGE Federated Batch Push. The operations of the contract (token, token health, batch push) are
/// generated; this part adds construction with a token lifecycle, and the friendly push methods
/// (<see cref="PushAsync"/>, <see cref="PushInChunksAsync(EngagePush, IAsyncEnumerable{Destination}, CancellationToken)"/>,
/// <see cref="PushAllAsync(EngagePush, IAsyncEnumerable{Destination}, bool, CancellationToken)"/>).
/// </summary>
/// <remarks>
/// Thread-safe: share one instance. <c>new EngageClient(options)</c> owns its connections and must be disposed;
/// with <c>services.AddEngageClient(...)</c> the container owns them.
/// </remarks>
public partial class EngageClient : IDisposable
{
    /// <summary>User-agent product name sent with every request.</summary>
    public const string ProductName = "Contracts.Engage";

    private readonly EngageClientOptions _options = new();
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly OwnedHttpClients? _connections;

    /// <summary>
    /// Creates a client that gets, caches and refreshes its own tokens from <paramref name="options"/>.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message names it.</exception>
    public EngageClient(EngageClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(options, transport: null, loggerFactory, timeProvider: null)
    {
    }

    /// <summary>
    /// Creates a client over a transport of your own (an in-memory handler in tests, a custom socket handler).
    /// The transport is not disposed with the client.
    /// </summary>
    public EngageClient(EngageClientOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(BuildPipeline(options, transport, loggerFactory, timeProvider, out var connections), options, loggerFactory?.CreateLogger<EngageClient>())
    {
        _connections = connections;
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> you configured yourself; it must already add the bearer
    /// token (as <c>AddEngageClient</c> does) and have a base address ending with '/'. Not disposed with the client.
    /// </summary>
    public EngageClient(HttpClient httpClient, EngageClientOptions options, ILogger<EngageClient>? logger)
        : this(httpClient, options, (ILogger?)logger)
    {
    }

    private EngageClient(HttpClient httpClient, EngageClientOptions options, ILogger? logger)
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
        EngageClientOptions options,
        HttpMessageHandler? transport,
        ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider,
        out OwnedHttpClients connections)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        connections = new OwnedHttpClients(transport);
        // The token endpoint is open: its client has the standard pipeline without the bearer handler.
        var tokens = new EngageTokenProvider(new EngageClient(connections.Create(options, ProductName)), options, timeProvider, loggerFactory?.CreateLogger<EngageTokenProvider>());
        var bearer = new BearerTokenHandler(tokens, logger: loggerFactory?.CreateLogger<BearerTokenHandler>());
        return connections.Create(options, ProductName, authentication: bearer);
    }
}
