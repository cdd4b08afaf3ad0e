using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Contracts.Sandbox;

/// <summary>
/// Issues and checks the sandbox's bearer tokens: HS256-signed JWTs with an <c>exp</c> claim, as ENGAGE's Cognito
/// tokens carry one. A token is accepted until it expires or is revoked.
/// </summary>
internal sealed class SandboxTokenIssuer
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public SandboxTokenIssuer(TimeProvider time) => _time = time;

    public int IssuedCount => _issued.Count;

    public (string Token, DateTimeOffset ExpiresAt) Issue(string subject, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow();
        var expiresAt = now + lifetime;
        var header = Encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        var payload = Encode($"{{\"sub\":\"{subject}\",\"token_use\":\"access\",\"iat\":{now.ToUnixTimeSeconds()},\"exp\":{expiresAt.ToUnixTimeSeconds()},\"jti\":\"{Guid.NewGuid()}\"}}");
        var signature = Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{header}.{payload}")));
        var token = $"{header}.{payload}.{signature}";
        _issued[token] = expiresAt;
        return (token, expiresAt);
    }

    /// <summary>True when the Authorization header carries a token this issuer issued that has not expired.</summary>
    public bool IsValidBearer(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            return false;
        return _issued.TryGetValue(authorization["Bearer ".Length..].Trim(), out var expiresAt) && _time.GetUtcNow() < expiresAt;
    }

    /// <summary>Makes every token issued so far invalid, as if they all expired now.</summary>
    public void RevokeAll() => _issued.Clear();

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
