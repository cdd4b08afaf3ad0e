using Contracts.Core;
using Contracts.Core.Authentication;

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
public partial class EngageClient
{
    private static async partial Task<AccessToken> AcquireTokenAsync(EngageClient tokens, EngageClientOptions options, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        var answer = await tokens.GetTokenAsync(XFederatedPurpose.Inform, new TokenRequest { ClientId = options.ClientId, ClientSecret = options.ClientSecret }, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(answer.AccessToken) || !EngageErrorCodes.IsSuccess(answer.ErrorCode))
            throw new AccessTokenException(EngageException.VendorName, 200, answer.ErrorCode, answer.Message ?? "the answer holds no accessToken", answer.RequestId, null);
        return AccessToken.FromIssued(answer.AccessToken, options.TokenLifetime, issuedAt, capAtDocumentedLifetime: !options.TrustJwtExpiry);
    }
}
