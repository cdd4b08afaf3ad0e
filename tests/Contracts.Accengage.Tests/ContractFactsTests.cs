using Contracts.Testing;

namespace Contracts.Accengage.Tests;

/// <summary>
/// The batch limits <see cref="AccengageLimits"/> splits requests by are the contract's <c>maxItems</c>, through the
/// generated request models: one limit serves the one-app and the several-apps instant message, so the two must stay
/// equal in the contract.
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
    public void The_users_per_device_update_are_the_contracts()
        => Assert.Equal(AccengageLimits.MaxUsersPerDeviceUpdate, Contract.Integer("components", "schemas", "DeviceGroupUpdate", "properties", "users", "maxItems"));
}
