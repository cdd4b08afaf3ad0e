using Contracts.Core.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Contracts.Core.Authentication;

/// <summary>
/// The token lifecycle every bearer-token vendor shares: one cached token, refreshed a margin before it expires,
/// acquired single-flight (however many calls need a token at once, the vendor sees one token request), and
/// dropped when the vendor rejects it so that the next call fetches a fresh one.
/// A vendor derives from it and says only how to ask for a token (<see cref="AcquireTokenAsync"/>).
/// </summary>
/// <remarks>
/// Implements Kiota's <see cref="IAccessTokenProvider"/>, so the same provider also serves Kiota request adapters.
/// Never logs or returns the token value anywhere but <see cref="GetTokenAsync"/>.
/// </remarks>
public abstract class CachingAccessTokenProvider : IAccessTokenProvider
{
    /// <summary>The default margin: a token is refreshed this long before it expires.</summary>
    public static readonly TimeSpan DefaultRefreshMargin = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly TimeSpan _refreshMargin;
    private AccessToken? _current;
    private Task<AccessToken>? _pending;

    /// <summary>Creates the provider.</summary>
    /// <param name="timeProvider">The clock that decides expiry; tests pass a fake one.</param>
    /// <param name="refreshMargin">How long before expiry a token is replaced; <see cref="DefaultRefreshMargin"/> when null.</param>
    /// <param name="logger">Receives token events, never token values.</param>
    /// <param name="allowedHosts">Hosts the token may be sent to; empty allows any host.</param>
    protected CachingAccessTokenProvider(TimeProvider? timeProvider, TimeSpan? refreshMargin, ILogger? logger, IEnumerable<string>? allowedHosts)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        _refreshMargin = refreshMargin ?? DefaultRefreshMargin;
        if (_refreshMargin < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(refreshMargin), "The refresh margin cannot be negative.");
        Logger = logger ?? NullLogger.Instance;
        AllowedHostsValidator = new AllowedHostsValidator(allowedHosts?.ToArray() ?? []);
    }

    /// <summary>The clock that decides expiry.</summary>
    protected TimeProvider TimeProvider { get; }

    /// <summary>Where token events go.</summary>
    protected ILogger Logger { get; }

    /// <inheritdoc />
    public AllowedHostsValidator AllowedHostsValidator { get; }

    /// <summary>Number of token requests made so far (diagnostics; a healthy client makes one per token lifetime).</summary>
    public int AcquisitionCount => Volatile.Read(ref _acquisitionCount);

    private int _acquisitionCount;

    /// <summary>Asks the vendor for a new token. Called by one caller at a time, never concurrently.</summary>
    /// <param name="cancellationToken">
    /// Not tied to any caller: the acquisition is shared, so one waiting caller giving up must not fail it for the
    /// others. The HTTP client's timeout bounds it.
    /// </param>
    protected abstract Task<AccessToken> AcquireTokenAsync(CancellationToken cancellationToken);

    /// <summary>Returns a token that is not about to expire, fetching one when needed (single-flight).</summary>
    /// <param name="cancellationToken">Stops this caller's wait; an acquisition that others share goes on.</param>
    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && IsUsable(current))
            return ValueTask.FromResult(current);
        return new ValueTask<AccessToken>(JoinAcquisition(cancellationToken));
    }

    /// <inheritdoc />
    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!AllowedHostsValidator.IsUrlHostValid(uri))
            return string.Empty;
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        return token.Value;
    }

    /// <summary>
    /// Drops the cached token if it is still <paramref name="rejectedValue"/>: the vendor refused it. Many callers
    /// rejected with the same token cause one drop and therefore one new token request.
    /// </summary>
    public void Invalidate(string rejectedValue)
    {
        lock (_gate)
        {
            if (_current is not null && string.Equals(_current.Value, rejectedValue, StringComparison.Ordinal))
            {
                _current = null;
                Log.TokenInvalidated(Logger, GetType().Name);
            }
        }
    }

    /// <summary>
    /// When <paramref name="token"/> stops being usable: its <see cref="AccessToken.ExpiresAt"/>. A vendor whose
    /// credentials expire after a period of inactivity (a sliding expiry, such as ONC's sessions) returns a later
    /// moment each time the credential is used; the refresh margin and single-flight renewal apply as for any token.
    /// </summary>
    protected virtual DateTimeOffset ExpiryOf(AccessToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.ExpiresAt;
    }

    private bool IsUsable(AccessToken token) => TimeProvider.GetUtcNow() < ExpiryOf(token) - _refreshMargin;

    private Task<AccessToken> JoinAcquisition(CancellationToken cancellationToken)
    {
        Task<AccessToken> pending;
        lock (_gate)
        {
            if (_current is not null && IsUsable(_current))
                return Task.FromResult(_current);
            _pending ??= AcquireAndStoreAsync();
            pending = _pending;
        }
        return pending.WaitAsync(cancellationToken);
    }

    private async Task<AccessToken> AcquireAndStoreAsync()
    {
        // Leave the caller's lock before doing anything, so the store below can never run inside it.
        await Task.Yield();
        Interlocked.Increment(ref _acquisitionCount);
        try
        {
            var token = await AcquireTokenAsync(CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                _current = token;
                _pending = null;
            }
            Log.TokenAcquired(Logger, GetType().Name, token.ExpiresAt);
            return token;
        }
        catch (Exception ex)
        {
            lock (_gate)
                _pending = null;
            Log.TokenAcquisitionFailed(Logger, GetType().Name, ex.GetType().Name);
            throw;
        }
    }
}
