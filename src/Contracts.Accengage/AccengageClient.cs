using System.Net;
using Contracts.Core;
using CoreAccessToken = Contracts.Core.Authentication.AccessToken;

namespace Contracts.Accengage;

/// <summary>
/// Client for the Accengage API v1. The 72 operations of the contract are generated; this part adds what is
/// Accengage's own: the signed-header step and how a token is asked for, paging that follows the Link header
/// (<c>Enumerate...Async</c>, the CSV device list a page at a time) and batches split into compliant requests
/// (<see cref="SendInstantMessageInChunksAsync(MessageData, IAsyncEnumerable{Target}, CancellationToken)"/>,
/// <see cref="UpdateDevicesInChunksAsync(IAsyncEnumerable{IDictionary{string, object}}, CancellationToken)"/>).
/// </summary>
/// <remarks>
/// Thread-safe: share one instance. <c>new AccengageClient(options)</c> owns its connections and must be disposed;
/// with <c>services.AddAccengageClient(...)</c> the container owns them. Both are built from <see cref="Vendor"/>.
/// </remarks>
public partial class AccengageClient
{
    private static partial DelegatingHandler CreateSigningHandler(AccengageClientOptions options, TimeProvider timeProvider)
        => new AccengageSigningHandler(options.ApiKey, timeProvider, options.SignDeleteBody);

    private static async partial Task<CoreAccessToken> AcquireTokenAsync(AccengageClient tokens, AccengageClientOptions options, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        var answer = await tokens.CreateAccessTokenAsync(new AccessTokenRequest { Email = options.UserEmail }, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(answer.Access_token))
            throw new AccessTokenException(AccengageException.VendorName, 200, null, "the answer holds no access_token", null, null);
        // The client sends "Authorization: Bearer <token>"; a token of another type would be sent wrongly.
        if (!string.Equals(answer.Token_type, "Bearer", StringComparison.OrdinalIgnoreCase))
            throw new AccessTokenException(AccengageException.VendorName, 200, null, $"the token type is '{answer.Token_type}', not Bearer", null, null);
        return CoreAccessToken.FromIssued(answer.Access_token, options.TokenLifetime, issuedAt);
    }

    /// <summary>
    /// Whether <paramref name="response"/> means Accengage refused the token, so that a fresh one should be fetched
    /// and the request sent once more: 401 (the token expired; documented with <c>API_ERR_TOKEN</c>) or 400 with the
    /// label <c>API_ERR_TOKEN</c> (the token is invalid). The body of a 400 is buffered before it is read, so when
    /// the answer is another error the caller still reads it whole.
    /// </summary>
    private static async partial ValueTask<bool> IsTokenRejectedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            return true;
        if (response.StatusCode != HttpStatusCode.BadRequest)
            return false;
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return ErrorBodyConverter.Instance.ItemsIn(body).Any(e => e.Label == AccengageErrorLabels.Token);
    }
}
