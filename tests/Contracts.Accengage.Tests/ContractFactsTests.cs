using Contracts.Testing;

namespace Contracts.Accengage.Tests;

/// <summary>
/// The batch limits <see cref="AccengageLimits"/> splits requests by are the contract's <c>maxItems</c>, through the
/// generated request models: one limit serves the one-app and the several-apps instant message, so the two must stay
/// equal in the contract. The batch message's "one field or the other" is the contract's anyOf, which the generated
/// check cannot state, held here against the hand-written rule.
/// </summary>
public sealed class ContractFactsTests
{
    private static readonly ContractYaml Contract = ContractYaml.Load("accengage/accengage.openapi.yaml");

    [Fact]
    public void The_targets_per_instant_message_are_the_contracts_for_one_app_and_for_several()
    {
        Assert.Equal(AccengageLimits.MaxTargetsPerInstantMessage, Contract.Integer("components", "schemas", "InstantMessage", "allOf", "1", "properties", "targets", "maxItems"));
        Assert.Equal(AccengageLimits.MaxTargetsPerInstantMessage, Contract.Integer("components", "schemas", "MultiAppInstantMessage", "properties", "targets", "maxItems"));
    }

    [Fact]
    public void The_batch_message_rule_one_of_two_fields_is_the_contracts_anyOf()
    {
        // The generated model check cannot state anyOf, so AccengageBatchRules.CheckMessage states it by hand.
        var alternatives = new[] { Contract.Scalar("components", "schemas", "MessageData", "anyOf", "0", "required", "0"), Contract.Scalar("components", "schemas", "MessageData", "anyOf", "1", "required", "0") };
        var withOnly = new Dictionary<string, MessageData>
        {
            ["parentMessageId"] = new() { ParentMessageId = 2157 },
            ["parentMessageExternalId"] = new() { ParentMessageExternalId = "OrderShipped" },
        };

        Assert.Equal(withOnly.Keys.Order(), alternatives.Order());
        Assert.All(alternatives, field => Assert.Empty(AccengageBatchRules.CheckMessage(withOnly[field])));
        Assert.NotEmpty(AccengageBatchRules.CheckMessage(new MessageData { Text = "neither" }));
    }

    [Fact]
    public void The_users_per_device_update_are_the_contracts()
        => Assert.Equal(AccengageLimits.MaxUsersPerDeviceUpdate, Contract.Integer("components", "schemas", "DeviceGroupUpdate", "properties", "users", "maxItems"));

    [Fact]
    public void The_production_host_is_the_contracts_only_server()
        => Assert.Equal(new Uri(Contract.Scalar("servers", "0", "url") + "/"), AccengageClientOptions.ProductionBaseUrl);

    [Fact]
    public void The_documented_token_lifetime_is_the_contracts()
    {
        Assert.Contains($"expires after {AccengageClientOptions.DocumentedTokenLifetime.TotalHours} hours", Contract.Scalar("info", "description"), StringComparison.Ordinal);
        Assert.Contains($"Valid {AccengageClientOptions.DocumentedTokenLifetime.TotalHours} hours", Contract.Scalar("components", "schemas", "AccessToken", "properties", "access_token", "description"), StringComparison.Ordinal);
    }
}
