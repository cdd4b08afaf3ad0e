using System.Buffers.Text;
using System.Text;

namespace Contracts.Testing;

/// <summary>Unsigned JWT-shaped tokens for tests: only the exp claim matters to the client.</summary>
public static class Jwt
{
    public static string WithExpiry(DateTimeOffset expiresAt, string subject = "test-client", DateTimeOffset? issuedAt = null)
    {
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        var iat = issuedAt is { } at ? $",\"iat\":{at.ToUnixTimeSeconds()}" : "";
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $"{{\"sub\":\"{subject}\",\"token_use\":\"access\",\"exp\":{expiresAt.ToUnixTimeSeconds()}{iat},\"jti\":\"{Guid.NewGuid()}\"}}"));
        return $"{header}.{payload}.c2lnbmF0dXJl";
    }
}
