namespace Contracts.Accengage;

/// <summary>
/// Accengage's documented limits on one request, as the contract states them (its <c>maxItems</c>, generated into the
/// request models): the sizes the batch methods split their input by.
/// </summary>
public static class AccengageLimits
{
    /// <summary>Targets in one instant message request ("up to 100 targets in a single instant message request").</summary>
    public const int MaxTargetsPerInstantMessage = InstantMessage.MaxTargets;

    /// <summary>Users in one device group update ("you can update up to 100 users at once").</summary>
    public const int MaxUsersPerDeviceUpdate = DeviceGroupUpdate.MaxUsers;
}
