using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// The opaque access tokens the simulated Accengage issues (random hex, no expiry inside, as Accengage's carry none)
/// and when each expires. An expired token is still known, so it answers 401 (expired) rather than 400 (invalid).
/// </summary>
internal sealed class AccengageAccessTokens(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    public string Issue(TimeSpan lifetime)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        _expiries[token] = time.GetUtcNow() + lifetime;
        return token;
    }

    public AccessTokenState Check(string token)
        => !_expiries.TryGetValue(token, out var expiresAt) ? AccessTokenState.Unknown
            : time.GetUtcNow() < expiresAt ? AccessTokenState.Valid
            : AccessTokenState.Expired;

    /// <summary>Makes every token issued so far expired, as if their lifetime ended now.</summary>
    public void ExpireAll()
    {
        var now = time.GetUtcNow();
        foreach (var token in _expiries.Keys)
            _expiries[token] = now;
    }
}

/// <summary>What the sandbox knows of a bearer token.</summary>
internal enum AccessTokenState
{
    /// <summary>Never issued: 400 API_ERR_TOKEN (invalid).</summary>
    Unknown,

    /// <summary>Issued and not expired.</summary>
    Valid,

    /// <summary>Issued and expired: 401 API_ERR_TOKEN.</summary>
    Expired,
}
