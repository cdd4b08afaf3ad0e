using System.Diagnostics.CodeAnalysis;
using Contracts.Core.Logging;
using Contracts.Core.Telemetry;
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
    /// <summary>The default margin: a token is refreshed this long before it expires (or halfway through a shorter life).</summary>
    public static readonly TimeSpan DefaultRefreshMargin = TimeSpan.FromSeconds(60);

    /// <summary>How long after a failed refresh the next one is tried, while the current token still works.</summary>
    private static readonly TimeSpan RefreshRetryInterval = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private readonly TimeSpan _refreshMargin;
    private Held? _current;
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

    /// <summary>
    /// Returns a usable token, fetching one when none is held or the held one is due for refresh (single-flight).
    /// A token is due a margin before it expires — or halfway through its life when it lives less than twice the
    /// margin, so a short-lived token (or a clock running fast) costs one request per half-life, not one per call.
    /// When a refresh fails while the held token has not expired yet, that token is still used.
    /// </summary>
    /// <param name="cancellationToken">Stops this caller's wait; an acquisition that others share goes on, within its own deadline.</param>
    /// <exception cref="Contracts.Core.AccessTokenException">No token could be obtained (refused, unreachable, no answer in time).</exception>
    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (TryGetFreshToken(out var fresh))
            return ValueTask.FromResult(fresh);
        var current = Volatile.Read(ref _current);
        return new ValueTask<AccessToken>(JoinAcquisitionAsync(current, cancellationToken));
    }

    /// <summary>
    /// The token held, when it is not due for refresh: what <see cref="GetTokenAsync"/> returns without waiting. A
    /// caller that would have to prepare a wait (a deadline timer) asks this first; false means call <see cref="GetTokenAsync"/>.
    /// </summary>
    public bool TryGetFreshToken([NotNullWhen(true)] out AccessToken? token)
    {
        var current = Volatile.Read(ref _current);
        token = current is not null && IsFresh(current) ? current.Token : null;
        return token is not null;
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
            if (_current is not null && string.Equals(_current.Token.Value, rejectedValue, StringComparison.Ordinal))
            {
                _current = null;
                Log.TokenInvalidated(Logger, GetType().Name);
            }
        }
    }

    /// <summary>
    /// The package's telemetry, which counts token requests (<c>contracts.client.token.acquisitions</c>);
    /// Contracts.Core's unless the vendor's provider names its package.
    /// </summary>
    protected virtual VendorTelemetry Telemetry => VendorTelemetry.For(VendorTelemetry.CoreName);

    /// <summary>The vendor's name as users know it, for <see cref="Contracts.Core.AccessTokenException"/>.</summary>
    protected virtual string VendorName => GetType().Name;

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

    private bool IsUnexpired(Held held) => TimeProvider.GetUtcNow() < ExpiryOf(held.Token);

    private bool IsFresh(Held held)
    {
        var now = TimeProvider.GetUtcNow();
        var expiry = ExpiryOf(held.Token);
        if (now >= expiry || now < held.NotBefore)
            return now < expiry;
        var life = expiry - held.AcquiredAt;
        var margin = life > _refreshMargin + _refreshMargin ? _refreshMargin : life / 2;
        return now < expiry - margin;
    }

    private async Task<AccessToken> JoinAcquisitionAsync(Held? seen, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            Task<AccessToken> pending;
            bool joinedOne;
            lock (_gate)
            {
                if (_current is not null && IsFresh(_current))
                    return _current.Token;
                joinedOne = _pending is not null;
                _pending ??= AcquireAndStoreAsync();
                pending = _pending;
            }
            try
            {
                return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (AccessTokenException) when (seen is not null && IsUnexpired(seen) && ReferenceEquals(Volatile.Read(ref _current)?.Token, seen.Token))
            {
                // The refresh failed but the token held still works until it expires.
                return seen.Token;
            }
            catch (AccessTokenException failed) when (joinedOne && attempt == 0 && failed.InnerException is VendorTransportException)
            {
                // This caller joined an acquisition started earlier that stalled or broke: it still has its own
                // time, so it starts a fresh attempt once rather than inherit a failure it did not wait for.
            }
        }
    }

    private async Task<AccessToken> AcquireAndStoreAsync()
    {
        // Leave the caller's lock before doing anything, so the store below can never run inside it; on the thread
        // pool, not on the caller's synchronization context: a caller blocking on a single-threaded one (a UI thread,
        // classic ASP.NET) would otherwise wait for work queued behind itself until its deadline.
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        Interlocked.Increment(ref _acquisitionCount);
        // Shared by every caller waiting for it: no single caller's deadline applies; the token client's own
        // Timeout bounds it, and each caller waits no longer than its own deadline.
        using var shared = Http.CallDeadline.Suspend();
        var acquiredAt = TimeProvider.GetUtcNow();
        try
        {
            var token = await AcquireTokenAsync(CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                _current = new Held(token, acquiredAt, acquiredAt);
                _pending = null;
            }
            Log.TokenAcquired(Logger, GetType().Name, token.ExpiresAt);
            Telemetry.TokenAcquisitions.Add(1, new(TelemetryNames.Vendor, VendorName), new(TelemetryNames.Result, TelemetryNames.Success));
            return token;
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _pending = null;
                // The held token (if still unexpired) goes on being used; the next refresh is tried a little later.
                if (_current is { } held && IsUnexpired(held))
                    _current = held with { NotBefore = TimeProvider.GetUtcNow() + RefreshRetryInterval };
            }
            Log.TokenAcquisitionFailed(Logger, GetType().Name, ex.GetType().Name);
            Telemetry.TokenAcquisitions.Add(1, new(TelemetryNames.Vendor, VendorName), new(TelemetryNames.Result, TelemetryNames.Failure));
            if (ex is AccessTokenException)
                throw;
            var vendor = ex as VendorApiException;
            throw new AccessTokenException(VendorName, vendor?.StatusCode, vendor?.ErrorCode, vendor?.VendorMessage ?? "the token endpoint could not be reached or did not answer in time", vendor?.RequestId, ex);
        }
    }

    /// <summary>A token as held: when it was obtained, and before when no refresh is tried (after a failed one).</summary>
    private sealed record Held(AccessToken Token, DateTimeOffset AcquiredAt, DateTimeOffset NotBefore);
}
