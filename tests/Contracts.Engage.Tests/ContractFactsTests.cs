using Contracts.Testing;

namespace Contracts.Engage.Tests;

/// <summary>
/// What the hand-written ENGAGE code repeats from the contract (limits, defaults) is what the contract says: a
/// contract change that leaves the C# copy behind fails here.
/// </summary>
public sealed class ContractFactsTests
{
    private static readonly ContractYaml Contract = ContractYaml.Load("engage/engage.openapi.yaml");
    private static readonly string[] Push = ["components", "schemas", "BatchPushRequest", "properties"];

    [Fact]
    public void The_aNumber_limit_is_the_contracts()
        => Assert.Equal(EngagePush.MaxANumbers, Contract.Integer([.. Push, "aNumbers", "maxItems"]));

    [Fact]
    public void A_push_defaults_to_the_contracts_ttl_and_keep_after_call()
    {
        var push = EngagePush.FromANumbers(Guid.NewGuid(), ["+5014008029"]);
        Assert.Equal(Contract.Integer([.. Push, "ttlSeconds", "default"]), push.TtlSeconds);
        Assert.Equal(bool.Parse(Contract.Scalar([.. Push, "keepAfterCall", "default"])), push.KeepAfterCall);
    }

    [Fact]
    public void The_validator_accepts_the_contracts_minimum_ttl_and_refuses_one_less()
    {
        var minimum = Contract.Integer([.. Push, "ttlSeconds", "minimum"]);
        var push = EngagePush.FromANumbers(Guid.NewGuid(), ["+5014008029"]);
        Assert.Empty(EngagePushValidator.CheckPush(push with { TtlSeconds = minimum }));
        Assert.Contains(EngagePushValidator.CheckPush(push with { TtlSeconds = minimum - 1 }), p => p.Contains("ttlSeconds", StringComparison.Ordinal));
    }

    [Fact]
    public void The_validator_accepts_the_contracts_most_aNumbers_and_refuses_one_more()
    {
        var most = Contract.Integer([.. Push, "aNumbers", "maxItems"]);
        string[] Numbers(int count) => Enumerable.Range(0, count).Select(i => $"+1555{i:D7}").ToArray();
        Assert.Empty(EngagePushValidator.CheckPush(EngagePush.FromANumbers(Guid.NewGuid(), Numbers(most))));
        Assert.NotEmpty(EngagePushValidator.CheckPush(EngagePush.FromANumbers(Guid.NewGuid(), Numbers(most + 1))));
    }
}
