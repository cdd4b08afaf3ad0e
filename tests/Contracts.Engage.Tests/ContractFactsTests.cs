using System.Text.RegularExpressions;
using Contracts.Core.Validation;
using Contracts.Testing;

namespace Contracts.Engage.Tests;

/// <summary>
/// What the ENGAGE code takes from the contract: the generated limits, defaults and checks are the contract's, and the
/// facts generation cannot carry (the recommended TTL, stated in words; the aNumbers' item pattern, which the model
/// generator reads from x-item-pattern because it does not expose items.pattern) are held to the contract here, so a
/// change on one side only fails.
/// </summary>
public sealed class ContractFactsTests
{
    private static readonly ContractYaml Contract = ContractYaml.Load("engage/engage.openapi.yaml");
    private static readonly string[] Push = ["components", "schemas", "BatchPushRequest", "properties"];

    [Fact]
    public void The_generated_aNumber_limit_is_the_contracts()
        => Assert.Equal(BatchPushRequest.MaxANumbers, Contract.Integer([.. Push, "aNumbers", "maxItems"]));

    [Fact]
    public void A_push_defaults_to_the_contracts_ttl_and_keep_after_call()
    {
        var push = EngagePush.FromANumbers(Guid.NewGuid(), ["+5014008029"]);
        Assert.Equal(Contract.Integer([.. Push, "ttlSeconds", "default"]), push.TtlSeconds);
        Assert.Equal(bool.Parse(Contract.Scalar([.. Push, "keepAfterCall", "default"])), push.KeepAfterCall);
    }

    [Fact]
    public void The_recommended_ttl_is_the_contracts_example_and_best_practice()
    {
        Assert.Equal(EngagePush.RecommendedTtlSeconds, Contract.Integer([.. Push, "ttlSeconds", "example"]));
        Assert.Contains($"best practice: {EngagePush.RecommendedTtlSeconds} seconds", Contract.Scalar([.. Push, "ttlSeconds", "description"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+5014008029")]
    [InlineData("+12")]
    [InlineData("+123456789012345")]
    [InlineData("+1234567890123456")]
    [InlineData("+0123456789")]
    [InlineData("5014008029")]
    [InlineData("+1 501 400 8029")]
    [InlineData("+1501400802a")]
    [InlineData("+15014008029\n")]
    [InlineData("+")]
    [InlineData("")]
    public void The_generated_aNumber_check_is_the_contracts_item_pattern(string number)
    {
        // ECMA-262 semantics: $ is the end of the text (in .NET it also matches before a final newline).
        var pattern = new Regex(Contract.Scalar([.. Push, "aNumbers", "items", "pattern"]).TrimEnd('$') + @"\z");
        var problems = EngagePushValidator.CheckPush(EngagePush.FromANumbers(Guid.NewGuid(), [number]));
        Assert.Equal(pattern.IsMatch(number), !problems.Any(p => p.StartsWith("aNumbers[0]", StringComparison.Ordinal)));
        Assert.Equal(pattern.IsMatch(number), PhoneNumbers.IsE164(number));
    }

    [Fact]
    public void The_item_pattern_the_generator_reads_is_the_items_pattern()
        => Assert.Equal(Contract.Scalar([.. Push, "aNumbers", "items", "pattern"]), Contract.Scalar([.. Push, "aNumbers", "x-item-pattern"]));

    [Fact]
    public void The_validator_accepts_the_contracts_minimum_ttl_and_refuses_one_less()
    {
        var minimum = Contract.Integer([.. Push, "ttlSeconds", "minimum"]);
        var push = EngagePush.FromANumbers(Guid.NewGuid(), ["+5014008029"]);
        Assert.Empty(EngagePushValidator.CheckPush(push with { TtlSeconds = minimum }));
        Assert.Contains(EngagePushValidator.CheckPush(push with { TtlSeconds = minimum - 1 }), p => p.StartsWith("ttlSeconds", StringComparison.Ordinal));
    }

    [Fact]
    public void The_validator_accepts_the_contracts_most_aNumbers_and_refuses_one_more()
    {
        var most = Contract.Integer([.. Push, "aNumbers", "maxItems"]);
        string[] Numbers(int count) => Enumerable.Range(0, count).Select(i => $"+1555{i:D7}").ToArray();
        Assert.Empty(EngagePushValidator.CheckPush(EngagePush.FromANumbers(Guid.NewGuid(), Numbers(most))));
        Assert.NotEmpty(EngagePushValidator.CheckPush(EngagePush.FromANumbers(Guid.NewGuid(), Numbers(most + 1))));
    }

    [Fact]
    public void Each_region_is_a_contract_server_of_that_name_and_goes_to_its_host()
    {
        var servers = (YamlDotNet.RepresentationModel.YamlSequenceNode)Contract.Root["servers"];
        Assert.Equal(Enum.GetValues<EngageRegion>().Length, servers.Children.Count);
        for (var i = 0; i < servers.Children.Count; i++)
        {
            var region = Enum.Parse<EngageRegion>(Contract.Scalar("servers", $"{i}", "description").Replace(" ", "", StringComparison.Ordinal));
            Assert.Equal(new Uri(Contract.Scalar("servers", $"{i}", "url") + "/"), new EngageClientOptions { Region = region }.ResolveBaseUrl());
        }
    }

    [Fact]
    public void The_default_region_is_the_contracts_first_server()
        => Assert.Equal(new Uri(Contract.Scalar("servers", "0", "url") + "/"), new EngageClientOptions().ResolveBaseUrl());

    [Fact]
    public void The_documented_token_lifetime_is_the_contracts()
        => Assert.Contains($"valid for {EngageClientOptions.DocumentedTokenLifetime.TotalMinutes} minutes", Contract.Scalar("components", "securitySchemes", "bearerAuth", "description"), StringComparison.Ordinal);
}
