using Contracts.Core;
using Contracts.Testing;

namespace Contracts.Hostile.Tests.Engage;

/// <summary>Token answers of a vendor having a bad day: a token holding a line break, a JWT whose life outlasts the calendar.</summary>
public sealed class EngageTokenShapeTests : EngageHost
{
    private const string BrokenToken = "abc\\r\\nX-Injected: yes";

    [Fact]
    public async Task A_token_holding_a_line_break_fails_typed_unsent_and_its_batch_is_not_attempted_never_unknown()
    {
        TokenScript = (_, exchange) => exchange.RespondAsync(200, $$"""{"accessToken":"{{BrokenToken}}","message":"Success","errorCode":0,"requestId":"req-token"}""");
        using var client = Client(o => o.BatchSize = 2);

        var error = await Guarantees.FailsWithin(() => client.PushAsync(Push(), OneDestination()));
        var report = await client.PushAllAsync(Push(), Numbered(4).ToList()).WaitAsync(Guarantees.Patience);

        var refused = Assert.IsType<AccessTokenException>(error);
        Assert.Equal(DeliveryState.NotSent, refused.Delivery);
        Assert.DoesNotContain("X-Injected", refused.ToString(), StringComparison.Ordinal);
        Assert.Equal((0, 0, 4), (report.AcceptedCount, report.UnknownCount, report.NotAttemptedCount));
        Assert.Empty(PushRequests);
    }

    [Fact]
    public async Task A_jwt_living_past_the_calendar_is_used_for_its_documented_lifetime()
    {
        var token = Jwt.WithExpiry(DateTimeOffset.MaxValue.AddDays(-1), issuedAt: DateTimeOffset.UnixEpoch);
        TokenScript = (_, exchange) => exchange.RespondAsync(200, $$"""{"accessToken":"{{token}}","message":"Success","errorCode":0,"requestId":"req-token"}""");
        using var client = Client();

        var answer = await client.PushAsync(Push(), OneDestination()).WaitAsync(Guarantees.Patience);

        Assert.True(answer.IsSuccess);
        Assert.Equal("Bearer " + token, Assert.Single(PushRequests).Header("Authorization"));
    }
}
