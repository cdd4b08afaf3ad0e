using Contracts.Core;
using Contracts.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Contracts.Accengage.Tests;

public sealed class TokenLifecycleTests : AccengageTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Accengage.Api = (request, context) => request.Path == "/v1/me"
            ? RespondTextAsync(context, "Welcome")
            : context.RespondJsonAsync(404, FakeAccengage.Error("API_ERR_DATA", "Campaign not found"));
    }

    [Fact]
    public async Task Token_request_posts_the_user_email_signed_and_without_authorization()
    {
        using var client = new AccengageClient(Accengage.Options());

        Assert.Equal("Welcome", await client.GetMeAsync());

        var token = Assert.Single(Accengage.TokenRequests);
        Assert.Equal("POST", token.Method);
        Assert.Equal("""{"email":"mymail@client.com"}""", token.BodyText);
        Assert.StartsWith("application/json", token.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Null(token.Header("Authorization"));
        Assert.True(FakeAccengage.IsCorrectlySigned(token));
        var me = Assert.Single(Accengage.ApiRequests);
        Assert.Equal($"Bearer {Assert.Single(Accengage.IssuedTokens)}", me.Header("Authorization"));
        Assert.Contains("Contracts.Accengage/", me.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifty_concurrent_calls_on_a_coldClient_cause_one_token_request()
    {
        using var client = new AccengageClient(Accengage.Options());

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetMeAsync()));

        Assert.Single(Accengage.TokenRequests);
        Assert.Equal(50, Accengage.ApiRequests.Count);
    }

    [Fact]
    public async Task A_token_lives_the_documented_24_hours_minus_the_refresh_margin()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = new AccengageClient(Accengage.Options(o => o.TokenRefreshMargin = TimeSpan.FromMinutes(5)), transport: null, timeProvider: time);

        await client.GetMeAsync();
        time.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(54));
        await client.GetMeAsync();
        Assert.Single(Accengage.TokenRequests);

        time.Advance(TimeSpan.FromMinutes(2)); // inside the 5 minute margin before 24 h
        await client.GetMeAsync();
        Assert.Equal(2, Accengage.TokenRequests.Count);
        var calls = Accengage.ApiRequests;
        Assert.Equal(calls[0].Header("Authorization"), calls[1].Header("Authorization"));
        Assert.NotEqual(calls[1].Header("Authorization"), calls[2].Header("Authorization"));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(400)]
    public async Task A_refused_token_API_ERR_TOKEN_is_regenerated_once_and_the_call_succeeds(int status)
    {
        Accengage.RevokedTokenStatus = status;
        using var client = new AccengageClient(Accengage.Options());
        await client.GetMeAsync();

        Accengage.RevokeAllTokens();
        Assert.Equal("Welcome", await client.GetMeAsync());

        Assert.Equal(2, Accengage.TokenRequests.Count);
        var calls = Accengage.ApiRequests;
        Assert.Equal(3, calls.Count); // ok, refused, ok with the new token
        Assert.Equal($"Bearer {Accengage.IssuedTokens[1]}", calls[2].Header("Authorization"));
        Assert.Empty(Accengage.BadlySigned);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(400)]
    public async Task A_second_refusal_fails_with_the_label_and_no_third_attempt(int status)
    {
        Accengage.RevokedTokenStatus = status;
        Accengage.RejectAllTokens = true;
        using var client = new AccengageClient(Accengage.Options());

        var error = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(() => client.GetMeAsync());

        Assert.Equal(status, error.StatusCode);
        Assert.True(error.HasLabel(AccengageErrorLabels.Token));
        Assert.Equal(2, Accengage.TokenRequests.Count);
        Assert.Equal(2, Accengage.ApiRequests.Count);
    }

    [Fact]
    public async Task A_400_that_is_not_a_token_error_is_not_retried_and_its_body_is_still_read()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(400, FakeAccengage.Error("API_ERR_DATA", "cmp is not a valid campaign ID"));
        using var client = new AccengageClient(Accengage.Options());

        var error = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(() => client.GetCampaignAsync(FakeAccengage.PartnerId, 91));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(AccengageErrorLabels.Data, error.ErrorCode);
        Assert.Equal("cmp is not a valid campaign ID", Assert.Single(error.Result.Errors).Message);
        Assert.Single(Accengage.ApiRequests);
        Assert.Single(Accengage.TokenRequests);
    }

    [Fact]
    public async Task An_unknown_user_raises_AccessTokenException_with_the_vendor_label_and_sends_nothing_else()
    {
        using var client = new AccengageClient(Accengage.Options(o => o.UserEmail = "nobody@client.com"));

        var error = await Assert.ThrowsAsync<AccessTokenException>(() => client.GetMeAsync());

        Assert.Equal("Accengage", error.Vendor);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal(AccengageErrorLabels.Data, error.ErrorCode);
        Assert.Contains("User not found", error.Message, StringComparison.Ordinal);
        Assert.Empty(Accengage.ApiRequests);
    }

    [Fact]
    public async Task A_token_of_another_type_is_refused_before_use()
    {
        Accengage.TokenAnswer = _ => (200, """{"token_type":"Mac","access_token":"abc"}""");
        using var client = new AccengageClient(Accengage.Options());

        var error = await Assert.ThrowsAsync<AccessTokenException>(() => client.GetMeAsync());

        Assert.Contains("'Mac', not Bearer", error.Message, StringComparison.Ordinal);
        Assert.Empty(Accengage.ApiRequests);
    }

    private static async Task RespondTextAsync(HttpContext context, string text)
    {
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(text);
    }
}
