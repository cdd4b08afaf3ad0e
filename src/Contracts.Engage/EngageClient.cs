using Contracts.Core;
using Contracts.Core.Authentication;
using Contracts.Core.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contracts.Engage;

/// <summary>
/// Client for ENGAGE Federated Batch Push. The operations of the contract (token, token health, batch push) are
/// generated; this part adds what is ENGAGE's own: how a token is asked for, and the friendly push methods
/// (<see cref="PushAsync"/>, <see cref="PushInChunksAsync(EngagePush, IAsyncEnumerable{Destination}, CancellationToken)"/>,
/// <see cref="PushAllAsync(EngagePush, IAsyncEnumerable{Destination}, bool, CancellationToken)"/>).
/// </summary>
/// <remarks>
/// Thread-safe: share one instance. <c>new EngageClient(options)</c> owns its connections and must be disposed;
/// with <c>services.AddEngageClient(...)</c> the container owns them. Both are built from <see cref="Vendor"/>.
/// </remarks>
public partial class EngageClient : IDisposable
{
    /// <summary>User-agent product name sent with every request.</summary>
    public const string ProductName = "Contracts.Engage";

    /// <summary>
    /// ENGAGE as Core builds it: a bearer token from <c>POST /federated/content/v2/token</c> (with
    /// <c>X-Federated-Purpose: inform</c>), used for at most <see cref="TokenClientOptions.TokenLifetime"/> (15 minutes,
    /// as the guide says) or until its JWT <c>exp</c> when sooner, or <c>exp</c> alone with <see cref="EngageClientOptions.TrustJwtExpiry"/>.
    /// </summary>
    internal static readonly VendorClientRegistration<IEngageClient, EngageClient, EngageClientOptions> Vendor = new()
    {
        ProductName = ProductName,
        CreateClient = parts => new EngageClient(parts),
        AcquireToken = AcquireTokenAsync,
    };

    private readonly EngageClientOptions _options = new();
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly IDisposable? _connections;

    /// <summary>Creates a client that gets, caches and refreshes its own tokens from <paramref name="options"/>.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message names it.</exception>
    public EngageClient(EngageClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(options, transport: null, loggerFactory)
    {
    }

    /// <summary>
    /// Creates a client over a transport of your own (an in-memory handler in tests, a custom socket handler) and a
    /// clock of your own (a fake one in tests). The transport is not disposed with the client.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message names it.</exception>
    public EngageClient(EngageClientOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(Vendor.Connect(options, transport, loggerFactory, timeProvider))
    {
    }

    private EngageClient(VendorClientParts<EngageClientOptions> parts)
        : this(parts.Http)
        => (_options, _logger, _connections) = (parts.Options, parts.LoggerFactory.CreateLogger<EngageClient>(), parts.Owned);

    /// <summary>Disposes the connections this client created; a container's are left alone.</summary>
    public void Dispose()
    {
        _connections?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static async Task<AccessToken> AcquireTokenAsync(EngageClient tokens, EngageClientOptions options, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        var answer = await tokens.GetTokenAsync(XFederatedPurpose.Inform, new TokenRequest { ClientId = options.ClientId, ClientSecret = options.ClientSecret }, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(answer.AccessToken) || !EngageErrorCodes.IsSuccess(answer.ErrorCode))
            throw new AccessTokenException(EngageException.VendorName, 200, answer.ErrorCode, answer.Message ?? "the answer holds no accessToken", answer.RequestId, null);
        return AccessToken.FromIssued(answer.AccessToken, options.TokenLifetime, issuedAt, capAtDocumentedLifetime: !options.TrustJwtExpiry);
    }
}
