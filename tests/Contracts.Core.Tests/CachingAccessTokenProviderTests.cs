using Contracts.Core.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace Contracts.Core.Tests;

public sealed class CachingAccessTokenProviderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Hundred_concurrent_callers_cause_one_acquisition_and_share_its_token()
    {
        var release = new TaskCompletionSource();
        var provider = new TestTokenProvider(async n =>
        {
            await release.Task;
            return new AccessToken($"token-{n}", _time.GetUtcNow().AddMinutes(15));
        }, _time);

        var callers = Enumerable.Range(0, 100).Select(_ => provider.GetTokenAsync().AsTask()).ToArray();
        await Task.Delay(50);
        release.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, provider.Calls);
        Assert.All(tokens, t => Assert.Equal("token-1", t.Value));
    }

    [Fact]
    public async Task A_caller_blocking_on_a_single_threaded_context_gets_its_token()
    {
        var provider = new TestTokenProvider(n => Task.FromResult(new AccessToken($"token-{n}", _time.GetUtcNow().AddMinutes(15))), _time);
        var blocked = new BlockedThreadContext();
        var pending = blocked.Start(() => provider.GetTokenAsync().AsTask());

        // The caller's thread is taken as blocked on the token, as .GetResult() on a UI thread is: nothing posted to it
        // ever runs, so the token must not need anything posted there.
        var token = await pending.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("token-1", token.Value);
        Assert.Equal(0, blocked.Posted);
    }

    [Fact]
    public async Task Cached_token_is_reused_until_the_refresh_margin_then_replaced()
    {
        var provider = new TestTokenProvider(n => Task.FromResult(new AccessToken($"token-{n}", _time.GetUtcNow().AddMinutes(15))), _time, TimeSpan.FromSeconds(60));

        Assert.Equal("token-1", (await provider.GetTokenAsync()).Value);
        _time.Advance(TimeSpan.FromMinutes(13) + TimeSpan.FromSeconds(59));
        Assert.Equal("token-1", (await provider.GetTokenAsync()).Value);
        _time.Advance(TimeSpan.FromSeconds(1)); // 14:00 after issue: 60 s before expiry
        Assert.Equal("token-2", (await provider.GetTokenAsync()).Value);
        Assert.Equal(2, provider.Calls);
    }

    [Fact]
    public async Task Failed_acquisition_reaches_every_waiter_and_the_next_call_tries_again()
    {
        var provider = new TestTokenProvider(n => n == 1
            ? Task.FromException<AccessToken>(new InvalidOperationException("token endpoint down"))
            : Task.FromResult(new AccessToken("token-2", _time.GetUtcNow().AddMinutes(15))), _time);

        // Whatever failed underneath, callers see one typed error: no token, so nothing was sent.
        var first = await Assert.ThrowsAsync<AccessTokenException>(() => provider.GetTokenAsync().AsTask());
        Assert.Equal("token endpoint down", Assert.IsType<InvalidOperationException>(first.InnerException).Message);
        Assert.Equal(DeliveryState.NotSent, first.Delivery);
        Assert.Equal("token-2", (await provider.GetTokenAsync()).Value);
        Assert.Equal(2, provider.Calls);
    }

    [Fact]
    public async Task A_token_that_lives_less_than_twice_the_margin_is_refreshed_once_per_half_life_not_per_call()
    {
        // 30 s of life against a 60 s margin: refreshing "60 s before expiry" would mean a token request per call.
        var provider = new TestTokenProvider(n => Task.FromResult(new AccessToken($"token-{n}", _time.GetUtcNow().AddSeconds(30))), _time, TimeSpan.FromSeconds(60));

        for (var i = 0; i < 10; i++)
            Assert.Equal("token-1", (await provider.GetTokenAsync()).Value);
        _time.Advance(TimeSpan.FromSeconds(14));
        Assert.Equal("token-1", (await provider.GetTokenAsync()).Value);
        _time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 10; i++)
            Assert.Equal("token-2", (await provider.GetTokenAsync()).Value);
        Assert.Equal(2, provider.Calls);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_using_the_unexpired_token_and_waits_before_trying_again()
    {
        var provider = new TestTokenProvider(n => n == 1
            ? Task.FromResult(new AccessToken("token-1", _time.GetUtcNow().AddMinutes(15)))
            : n == 2
                ? Task.FromException<AccessToken>(new HttpRequestException("reset"))
                : Task.FromResult(new AccessToken($"token-{n}", _time.GetUtcNow().AddMinutes(15))), _time, TimeSpan.FromSeconds(60));

        Assert.Equal("token-1", (await provider.GetTokenAsync()).Value);
        _time.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(10)); // due for refresh, 50 s before expiry
        Assert.Equal("token-1", (await provider.GetTokenAsync()).Value); // refresh failed: the held token still works
        Assert.Equal("token-1", (await provider.GetTokenAsync()).Value); // and no new attempt on every call
        Assert.Equal(2, provider.Calls);
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal("token-3", (await provider.GetTokenAsync()).Value);
        Assert.Equal(3, provider.Calls);
    }

    [Fact]
    public async Task A_waiter_that_gives_up_does_not_cancel_the_shared_acquisition()
    {
        var release = new TaskCompletionSource();
        var provider = new TestTokenProvider(async _ =>
        {
            await release.Task;
            return new AccessToken("shared", _time.GetUtcNow().AddMinutes(15));
        }, _time);

        using var impatient = new CancellationTokenSource();
        var cancelled = provider.GetTokenAsync(impatient.Token).AsTask();
        var patient = provider.GetTokenAsync().AsTask();
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        release.SetResult();
        Assert.Equal("shared", (await patient).Value);
        Assert.Equal(1, provider.Calls);
    }

    [Fact]
    public async Task Invalidate_drops_only_the_rejected_token()
    {
        var provider = new TestTokenProvider(n => Task.FromResult(new AccessToken($"token-{n}", _time.GetUtcNow().AddMinutes(15))), _time);
        var first = await provider.GetTokenAsync();

        provider.Invalidate("some-older-token");
        Assert.Same(first, await provider.GetTokenAsync());

        provider.Invalidate(first.Value);
        provider.Invalidate(first.Value); // a second caller rejected with the same token: no second drop
        Assert.Equal("token-2", (await provider.GetTokenAsync()).Value);
        Assert.Equal("token-2", (await provider.GetTokenAsync()).Value);
        Assert.Equal(2, provider.Calls);
    }

    [Fact]
    public async Task Kiota_interface_withholds_the_token_from_hosts_not_allowed()
    {
        var provider = new TestTokenProvider(_ => Task.FromResult(new AccessToken("secret-token", _time.GetUtcNow().AddMinutes(15))), _time, allowedHosts: ["api.fo-engage.com"]);

        Assert.Equal("secret-token", await provider.GetAuthorizationTokenAsync(new Uri("https://api.fo-engage.com/x")));
        Assert.Equal("", await provider.GetAuthorizationTokenAsync(new Uri("https://evil.example/x")));
    }

    [Fact]
    public void Token_text_never_shows_the_value()
    {
        var token = new AccessToken("eyJ-very-secret", DateTimeOffset.UnixEpoch);
        Assert.DoesNotContain("eyJ-very-secret", token.ToString(), StringComparison.Ordinal);
    }
}
