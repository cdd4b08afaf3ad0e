using System.Net;
using System.Net.Http.Headers;
using Contracts.Core.Authentication;
using Contracts.Core.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contracts.Core.Http;

/// <summary>
/// Puts the provider's bearer token on every request and, when the vendor rejects the token, drops it, fetches a
/// fresh one and sends the request once more. A second rejection is returned to the caller as it is: retrying
/// again would only hammer the vendor with a token it will not accept.
/// </summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly CachingAccessTokenProvider _tokens;
    private readonly Func<HttpResponseMessage, CancellationToken, ValueTask<bool>> _isTokenRejected;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="tokens">Where tokens come from.</param>
    /// <param name="isTokenRejected">
    /// Says whether a response means "this token is not accepted"; null means any 401. A vendor that signals a bad
    /// token in some other way (Accengage answers 400 API_ERR_TOKEN) passes its own test.
    /// </param>
    /// <param name="logger">Receives retry events, never tokens.</param>
    public BearerTokenHandler(
        CachingAccessTokenProvider tokens,
        Func<HttpResponseMessage, CancellationToken, ValueTask<bool>>? isTokenRejected = null,
        ILogger? logger = null)
    {
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _isTokenRejected = isTokenRejected ?? IsUnauthorized;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsAbsoluteUri: true } uri && !_tokens.AllowedHostsValidator.IsUrlHostValid(uri))
        {
            Log.HostNotAllowed(_logger, uri.Host);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        if (!await _isTokenRejected(response, cancellationToken).ConfigureAwait(false))
            return response;

        // The host only: some vendors carry phone numbers and signatures in the path.
        Log.RetryingWithFreshToken(_logger, request.Method.Method, request.RequestUri?.Host ?? "", (int)response.StatusCode);
        response.Dispose();
        _tokens.Invalidate(token.Value);
        var fresh = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh.Value);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static ValueTask<bool> IsUnauthorized(HttpResponseMessage response, CancellationToken cancellationToken)
        => ValueTask.FromResult(response.StatusCode == HttpStatusCode.Unauthorized);
}
