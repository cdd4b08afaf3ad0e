using System.Net;
using Contracts.Core;
using Contracts.Core.Authentication;
using Contracts.Core.Telemetry;
using Microsoft.Extensions.Logging;
using CoreAccessToken = Contracts.Core.Authentication.AccessToken;

namespace Contracts.Accengage;

/// <summary>
/// Accengage access tokens: asks <c>POST /v1/access_token</c> with the user's e-mail through the generated client
/// (signed, without a token), and lets <see cref="CachingAccessTokenProvider"/> cache, share and refresh them. The
/// answer carries no expiry, so a token is assumed to live the documented 24 hours
/// (<see cref="Contracts.Core.TokenClientOptions.TokenLifetime"/>) and is replaced earlier whenever Accengage refuses it
/// (<see cref="IsTokenRejectedAsync"/>).
/// </summary>
public sealed class AccengageTokenProvider : CachingAccessTokenProvider
{
    private readonly AccengageClient _tokenClient;
    private readonly string _userEmail;
    private readonly TimeSpan _documentedLifetime;

    /// <summary>Creates the provider.</summary>
    /// <param name="tokenClient">A client whose HTTP pipeline signs requests but adds no bearer token: the token route is open.</param>
    /// <param name="options">User e-mail, token lifetime and refresh margin.</param>
    /// <param name="timeProvider">The clock; tests pass a fake one.</param>
    /// <param name="logger">Receives token events, never tokens or the API key.</param>
    public AccengageTokenProvider(AccengageClient tokenClient, AccengageClientOptions options, TimeProvider? timeProvider = null, ILogger<AccengageTokenProvider>? logger = null)
        : base(timeProvider, options?.TokenRefreshMargin, logger, [(options ?? throw new ArgumentNullException(nameof(options))).ResolveBaseUrl().Host])
    {
        _tokenClient = tokenClient ?? throw new ArgumentNullException(nameof(tokenClient));
        _userEmail = options.UserEmail;
        _documentedLifetime = options.TokenLifetime;
    }

    /// <inheritdoc />
    protected override string VendorName => AccengageException.VendorName;

    /// <inheritdoc />
    protected override VendorTelemetry Telemetry => VendorTelemetry.For(AccengageClient.ProductName);

    /// <inheritdoc />
    protected override async Task<CoreAccessToken> AcquireTokenAsync(CancellationToken cancellationToken)
    {
        var issuedAt = TimeProvider.GetUtcNow();
        AccessToken answer;
        try
        {
            answer = await _tokenClient.CreateAccessTokenAsync(new AccessTokenRequest { Email = _userEmail }, cancellationToken).ConfigureAwait(false);
        }
        catch (AccengageException refused)
        {
            throw new AccessTokenException(AccengageException.VendorName, refused.StatusCode, refused.ErrorCode, refused.VendorMessage, refused.RequestId, refused);
        }

        if (string.IsNullOrEmpty(answer.Access_token))
            throw new AccessTokenException(AccengageException.VendorName, 200, null, "the answer holds no access_token", null, null);
        // The client sends "Authorization: Bearer <token>"; a token of another type would be sent wrongly.
        if (!string.Equals(answer.Token_type, "Bearer", StringComparison.OrdinalIgnoreCase))
            throw new AccessTokenException(AccengageException.VendorName, 200, null, $"the token type is '{answer.Token_type}', not Bearer", null, null);

        return CoreAccessToken.FromIssued(answer.Access_token, _documentedLifetime, issuedAt);
    }

    /// <summary>
    /// Whether <paramref name="response"/> means Accengage refused the token, so that a fresh one should be fetched
    /// and the request sent once more: 401 (the token expired; documented with <c>API_ERR_TOKEN</c>) or 400 with the
    /// label <c>API_ERR_TOKEN</c> (the token is invalid). The body of a 400 is buffered before it is read, so when
    /// the answer is another error the caller still reads it whole.
    /// </summary>
    public static async ValueTask<bool> IsTokenRejectedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            return true;
        if (response.StatusCode != HttpStatusCode.BadRequest)
            return false;
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return AccengageErrorReader.Read(body).Any(e => e.Label == AccengageErrorLabels.Token);
    }
}
