using Contracts.Core;
using Microsoft.Extensions.Time.Testing;

namespace Contracts.Engage.Tests;

public sealed class TokenLifecycleTests : IAsyncLifetime
{
    private FakeEngage _engage = null!;

    public async Task InitializeAsync() => _engage = await FakeEngage.StartAsync();

    public async Task DisposeAsync() => await _engage.DisposeAsync();

    [Fact]
    public async Task Hundred_concurrent_pushes_on_a_cold_client_cause_exactly_one_token_request()
    {
        using var client = new EngageClient(_engage.Options());
        _engage.PushDelay = TimeSpan.FromMilliseconds(20);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            client.PushAsync(EngagePush.FromANumberGroup(Samples.Program, Samples.Group), [new Destination { BNumber = $"+1555000{i:D4}" }])));

        Assert.Single(_engage.TokenRequests);
        Assert.Equal(100, _engage.PushRequests.Count);
    }

    [Fact]
    public async Task Thousand_concurrent_calls_on_a_cold_client_cause_exactly_one_token_request()
    {
        var tokenAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _engage.TokenGate = tokenAnswered.Task;
        using var client = new EngageClient(_engage.Options());

        // Every call starts, finds no token and waits for one before the vendor answers the first token request.
        var calls = Enumerable.Range(0, 1000).Select(_ => client.CheckTokenHealthAsync()).ToArray();
        tokenAnswered.SetResult();
        var answers = await Task.WhenAll(calls);

        Assert.Single(_engage.TokenRequests);
        var checks = _engage.Server.RequestsTo(FakeEngage.HealthPath);
        Assert.Equal(1000, checks.Count);
        Assert.Single(checks.Select(c => c.Header("Authorization")).Distinct());
        Assert.All(answers, answer => Assert.True(EngageErrorCodes.IsSuccess(answer.ErrorCode)));
    }

    [Fact]
    public async Task Token_is_refreshed_before_its_jwt_expiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = new EngageClient(_engage.Options(o => o.TokenRefreshMargin = TimeSpan.FromSeconds(60)), transport: null, timeProvider: time);
        var push = EngagePush.FromANumberGroup(Samples.Program, Samples.Group);
        Destination[] one = [new() { BNumber = "+15018902005" }];

        await client.PushAsync(push, one);
        time.Advance(TimeSpan.FromMinutes(13)); // 2 minutes before expiry: still good
        await client.PushAsync(push, one);
        Assert.Single(_engage.TokenRequests);

        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(5)); // inside the 60 s margin
        await client.PushAsync(push, one);
        Assert.Equal(2, _engage.TokenRequests.Count);
        var pushes = _engage.PushRequests;
        Assert.Equal(pushes[0].Header("Authorization"), pushes[1].Header("Authorization"));
        Assert.NotEqual(pushes[1].Header("Authorization"), pushes[2].Header("Authorization"));
    }

    [Fact]
    public async Task Opaque_token_lives_the_documented_fifteen_minutes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var issued = 0;
        _engage.TokenAnswer = _ => (200, $$"""{"accessToken":"opaque-{{Interlocked.Increment(ref issued)}}","message":"Success","errorCode":0,"requestId":"r"}""");
        using var client = new EngageClient(_engage.Options(), transport: null, timeProvider: time);
        var push = EngagePush.FromANumberGroup(Samples.Program, Samples.Group);
        Destination[] one = [new() { BNumber = "+15018902005" }];

        await client.PushAsync(push, one);
        time.Advance(TimeSpan.FromMinutes(13) + TimeSpan.FromSeconds(59));
        await client.PushAsync(push, one);
        Assert.Single(_engage.TokenRequests);
        time.Advance(TimeSpan.FromSeconds(2));
        await client.PushAsync(push, one);
        Assert.Equal(2, _engage.TokenRequests.Count);
    }

    [Fact]
    public async Task A_revoked_token_is_replaced_once_and_the_call_succeeds()
    {
        using var client = new EngageClient(_engage.Options());
        var push = EngagePush.FromANumberGroup(Samples.Program, Samples.Group);
        await client.PushAsync(push, [new Destination { BNumber = "+15018902005" }]);

        _engage.RevokeAllTokens();
        var answer = await client.PushAsync(push, [new Destination { BNumber = "+15018902005" }]);

        Assert.True(answer.IsSuccess);
        Assert.Equal(2, _engage.TokenRequests.Count);
        Assert.Equal(3, _engage.PushRequests.Count); // ok, 401, ok
    }

    [Fact]
    public async Task A_second_401_fails_clearly_without_a_third_attempt()
    {
        _engage.RejectAllTokens = true;
        using var client = new EngageClient(_engage.Options());

        var error = await Assert.ThrowsAsync<EngageException>(() =>
            client.PushAsync(EngagePush.FromANumberGroup(Samples.Program, Samples.Group), [new Destination { BNumber = "+15018902005" }]));

        Assert.True(error.IsUnauthorized);
        Assert.Equal(401, error.StatusCode);
        Assert.Contains("bearer token", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, _engage.TokenRequests.Count);
        Assert.Equal(2, _engage.PushRequests.Count);
    }

    [Fact]
    public async Task Token_endpoint_failure_raises_AccessTokenException_with_the_vendor_details_and_sends_no_push()
    {
        _engage.TokenAnswer = _ => (500, DocumentSamples.TokenFailure);
        using var client = new EngageClient(_engage.Options());

        var error = await Assert.ThrowsAsync<AccessTokenException>(() =>
            client.PushAsync(EngagePush.FromANumberGroup(Samples.Program, Samples.Group), [new Destination { BNumber = "+15018902005" }]));

        Assert.Equal("ENGAGE", error.Vendor);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal("500", error.ErrorCode);
        Assert.Equal("5cf3ad7e-0428-491f-a85f-c444487d1523", error.RequestId);
        Assert.Contains("Failed to grant access token", error.Message, StringComparison.Ordinal);
        Assert.Empty(_engage.PushRequests);
    }
}
