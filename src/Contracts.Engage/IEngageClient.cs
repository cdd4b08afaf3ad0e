namespace Contracts.Engage;

/// <summary>The ENGAGE client's friendly operations, beside the generated ones, so both can be mocked through one interface.</summary>
public partial interface IEngageClient
{
    /// <inheritdoc cref="EngageClient.PushAsync"/>
    Task<BatchPushResponse> PushAsync(EngagePush push, IEnumerable<Destination> destinations, CancellationToken cancellationToken = default);
}
