using Contracts.Core.Authentication;
using Contracts.Testing;

namespace Contracts.Core.Tests;

public sealed class JwtExpiryTests
{
    // The access token printed in the ENGAGE Federated Batch Push guide (First Orion): an AWS Cognito JWT with "exp":1560356075.
    private const string GuideToken =
        "eyJraWQiOiJzVkM5eXczZ2Vtckwzb2ZpbXZCM1BSWGNWc1JhcXJsR0lQSWN0TDhUcXBrPSIsImFsZyI6IlJTMjU2In0." +
        "eyJzdWIiOiJrdjQ4NmhxYWxsYml2c2t2NnE2M3Zhc2NwIiwidG9rZW5fdXNlIjoiYWNjZXNzIiwic2NvcGUiOiJjb20uZmlyc3Rvcmlvbi5lbmdhZ2UuZmVkZXJhdGlvblwvZmVkZXJhdGVkaW5mb3JtIiwiYXV0aF90aW1lIjoxNTYwMzUyNDc1LCJpc3MiOiJodHRwczpcL1wvY29nbml0by1pZHAudXMtZWFzdC0xLmFtYXpvbmF3cy5jb21cL3VzLWVhc3QtMV80WlZGZDBKbXEiLCJleHAiOjE1NjAzNTYwNzUsImlhdCI6MTU2MDM1MjQ3NSwidmVyc2lvbiI6MiwianRpIjoiNzRiZTczOTktZTZmYi00Njk4LWIwMzUtMjdkMzE0YTI4MTdmIiwiY2xpZW50X2lkIjoia3Y0ODZocWFsbGJpdnNrdjZxNjN2YXNjcCJ9." +
        "signature";

    [Fact]
    public void Reads_exp_of_the_guide_token()
    {
        Assert.True(JwtExpiry.TryRead(GuideToken, out var exp));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1560356075), exp);
    }

    [Fact]
    public void Reads_exp_of_a_generated_token()
    {
        var expiry = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        Assert.True(JwtExpiry.TryRead(Jwt.WithExpiry(expiry), out var exp));
        Assert.Equal(expiry, exp);
    }

    [Theory]
    [InlineData("opaque-token-without-dots")]
    [InlineData("a.b")]
    [InlineData("a.!!!not-base64!!!.c")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.sig")] // valid JWT without exp
    [InlineData("eyJhbGciOiJub25lIn0.bm90IGpzb24.sig")] // payload is not JSON
    public void Returns_false_when_there_is_no_usable_exp(string token)
        => Assert.False(JwtExpiry.TryRead(token, out _));

    [Fact]
    public void Falls_back_to_the_documented_lifetime()
    {
        var issued = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var token = AccessToken.FromIssued("opaque", TimeSpan.FromMinutes(15), issued);
        Assert.Equal(issued.AddMinutes(15), token.ExpiresAt);
    }

    [Fact]
    public void A_clock_running_fast_does_not_shorten_a_jwt_with_iat()
    {
        // The issuer's clock says 12:00; this machine's says 12:20. The token lives 15 minutes from iat to exp.
        var issuerNow = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var localNow = issuerNow.AddMinutes(20);
        var token = AccessToken.FromIssued(Jwt.WithExpiry(issuerNow.AddMinutes(15), issuedAt: issuerNow), TimeSpan.FromMinutes(15), localNow);
        Assert.Equal(localNow.AddMinutes(15), token.ExpiresAt);
    }

    [Fact]
    public void A_jwt_whose_exp_this_clock_has_passed_gets_the_documented_lifetime()
    {
        var localNow = new DateTimeOffset(2026, 11, 23, 12, 20, 0, TimeSpan.Zero);
        var token = AccessToken.FromIssued(Jwt.WithExpiry(localNow.AddMinutes(-5)), TimeSpan.FromMinutes(15), localNow);
        Assert.Equal(localNow.AddMinutes(15), token.ExpiresAt);
    }
}
