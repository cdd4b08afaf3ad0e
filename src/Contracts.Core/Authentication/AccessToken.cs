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
    /// Builds a token from what a vendor issued, with its expiry on this machine's clock. A JWT's life is measured
    /// from its own <c>iat</c> to its <c>exp</c> and counted from <paramref name="issuedAt"/> (the moment the token
    /// was asked for), so a clock that runs fast or slow against the issuer's does not shorten or stretch it; a JWT
    /// without <c>iat</c> expires at its <c>exp</c>, unless this clock already reads later (then, like a token that
    /// is not a JWT, it gets the lifetime the vendor documents).
    /// </summary>
    public static AccessToken FromIssued(string value, TimeSpan documentedLifetime, DateTimeOffset issuedAt)
    {
        if (!JwtExpiry.TryRead(value, out var exp))
            return new AccessToken(value, After(issuedAt, documentedLifetime));
        if (JwtExpiry.TryReadIssuedAt(value, out var iat) && exp > iat)
            return new AccessToken(value, After(issuedAt, exp - iat));
        return new AccessToken(value, exp > issuedAt ? exp : After(issuedAt, documentedLifetime));
    }

    // A life that outlasts the calendar (a JWT issued in 1970 that expires in 9999) ends at its last moment rather
    // than overflow: the token is still usable, and a documented lifetime still caps it.
    private static DateTimeOffset After(DateTimeOffset issuedAt, TimeSpan life)
        => life >= DateTimeOffset.MaxValue - issuedAt ? DateTimeOffset.MaxValue : issuedAt + life;

    /// <summary>
    /// As <see cref="FromIssued(string, TimeSpan, DateTimeOffset)"/>, then, when <paramref name="capAtDocumentedLifetime"/>
    /// is set, never later than <paramref name="documentedLifetime"/> after <paramref name="issuedAt"/>: for a vendor
    /// whose document states a lifetime shorter than the one its tokens claim.
    /// </summary>
    public static AccessToken FromIssued(string value, TimeSpan documentedLifetime, DateTimeOffset issuedAt, bool capAtDocumentedLifetime)
    {
        var token = FromIssued(value, documentedLifetime, issuedAt);
        var cap = After(issuedAt, documentedLifetime);
        return capAtDocumentedLifetime && token.ExpiresAt > cap ? new AccessToken(value, cap) : token;
    }

    /// <summary>Describes the token without its value.</summary>
    public override string ToString() => $"AccessToken(expires {ExpiresAt:O}, value redacted)";
}
