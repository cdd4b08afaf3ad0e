namespace Contracts.Core.Authentication;

/// <summary>
/// A bearer token and the moment it stops being usable. The value is a secret: <see cref="ToString"/> never shows it.
/// </summary>
public sealed class AccessToken
{
    /// <summary>Creates a token that expires at <paramref name="expiresAt"/>.</summary>
    /// <exception cref="ArgumentException">The value is empty.</exception>
    public AccessToken(string value, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
        ExpiresAt = expiresAt;
    }

    /// <summary>The token itself, as sent after <c>Bearer </c>.</summary>
    public string Value { get; }

    /// <summary>When the issuer stops accepting the token.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>
    /// Builds a token from what a vendor issued: the JWT <c>exp</c> claim when the token carries one, otherwise the
    /// lifetime the vendor documents, counted from <paramref name="issuedAt"/>.
    /// </summary>
    public static AccessToken FromIssued(string value, TimeSpan documentedLifetime, DateTimeOffset issuedAt)
    {
        var expiresAt = JwtExpiry.TryRead(value, out var exp) ? exp : issuedAt + documentedLifetime;
        return new AccessToken(value, expiresAt);
    }

    /// <summary>Describes the token without its value.</summary>
    public override string ToString() => $"AccessToken(expires {ExpiresAt:O}, value redacted)";
}
