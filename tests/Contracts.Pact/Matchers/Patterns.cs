namespace Contracts.Pacts.Matchers;

/// <summary>
/// Regular expressions (Rust syntax, anchored) for the value shapes vendor contracts share, so that every pact
/// states "a UUID" or "an E.164 number" the same way.
/// </summary>
public static class Patterns
{
    /// <summary>A UUID in its 8-4-4-4-12 hexadecimal form, either case.</summary>
    public const string Uuid = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    /// <summary>A phone number in E.164: a plus sign, then 2 to 15 digits, the first not 0.</summary>
    public const string E164 = @"^\+[1-9][0-9]{1,14}$";

    /// <summary>A JWT in compact form: three base64url parts separated by dots (the signature may be empty).</summary>
    public const string Jwt = @"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$";

    /// <summary>An Authorization header that carries a JWT as a bearer token.</summary>
    public const string BearerJwt = @"^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$";

    /// <summary>An ISO 8601 date-time in UTC with a Z, seconds, and optional fractions of a second.</summary>
    public const string UtcDateTime = @"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$";
}
