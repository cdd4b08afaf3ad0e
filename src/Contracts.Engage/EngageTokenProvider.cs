using Contracts.Core;
using Contracts.Core.Authentication;
using Contracts.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Contracts.Engage;

/// <summary>
/// ENGAGE access tokens: asks <c>POST /federated/content/v2/token</c> (with <c>X-Federated-Purpose: inform</c>)
/// through the generated client, and lets <see cref="CachingAccessTokenProvider"/> cache, share and refresh them
/// (at most <see cref="TokenClientOptions.TokenLifetime"/>, 15 minutes as the guide says, or the JWT <c>exp</c> when sooner or when <see cref="EngageClientOptions.TrustJwtExpiry"/> is set; minus a margin).
/// </summary>
public sealed class EngageTokenProvider : CachingAccessTokenProvider
{
    private readonly EngageClient _tokenClient;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly TimeSpan _documentedLifetime;
    private readonly bool _trustJwtExpiry;

    /// <summary>Creates the provider.</summary>
    /// <param name="tokenClient">A client whose HTTP pipeline has no bearer handler: the token endpoint is open.</param>
    /// <param name="options">Credentials, token lifetime and refresh margin.</param>
    /// <param name="timeProvider">The clock; tests pass a fake one.</param>
    /// <param name="logger">Receives token events, never tokens or secrets.</param>
    public EngageTokenProvider(EngageClient tokenClient, EngageClientOptions options, TimeProvider? timeProvider = null, ILogger<EngageTokenProvider>? logger = null)
        : base(timeProvider, options?.TokenRefreshMargin, logger, [(options ?? throw new ArgumentNullException(nameof(options))).ResolveBaseUrl().Host])
    {
        _tokenClient = tokenClient ?? throw new ArgumentNullException(nameof(tokenClient));
        _clientId = options.ClientId;
        _clientSecret = options.ClientSecret;
        _documentedLifetime = options.TokenLifetime;
        _trustJwtExpiry = options.TrustJwtExpiry;
    }

    /// <inheritdoc />
    protected override string VendorName => EngageException.VendorName;

    /// <inheritdoc />
    protected override VendorTelemetry Telemetry => VendorTelemetry.For(EngageClient.ProductName);

    /// <inheritdoc />
    protected override async Task<AccessToken> AcquireTokenAsync(CancellationToken cancellationToken)
    {
        var issuedAt = TimeProvider.GetUtcNow();
        TokenResponse answer;
        try
        {
            answer = await _tokenClient.GetTokenAsync(
                XFederatedPurpose.Inform,
                new TokenRequest { ClientId = _clientId, ClientSecret = _clientSecret },
                cancellationToken).ConfigureAwait(false);
        }
        catch (EngageException refused)
        {
            throw new AccessTokenException(EngageException.VendorName, refused.StatusCode, refused.ErrorCode, refused.VendorMessage, refused.RequestId, refused);
        }

        if (string.IsNullOrEmpty(answer.AccessToken) || !EngageErrorCodes.IsSuccess(answer.ErrorCode))
            throw new AccessTokenException(EngageException.VendorName, 200, answer.ErrorCode, answer.Message ?? "the answer holds no accessToken", answer.RequestId, null);

        return AccessToken.FromIssued(answer.AccessToken, _documentedLifetime, issuedAt, capAtDocumentedLifetime: !_trustJwtExpiry);
    }
}
