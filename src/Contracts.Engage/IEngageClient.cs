using Contracts.Core.Batching;

namespace Contracts.Engage;

/// <summary>The ENGAGE client's friendly operations, beside the generated ones, so both can be mocked through one interface.</summary>
public partial interface IEngageClient
{
    /// <inheritdoc cref="EngageClient.PushAsync"/>
    Task<BatchPushResponse> PushAsync(EngagePush push, IEnumerable<Destination> destinations, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="EngageClient.PushInChunksAsync(EngagePush, IAsyncEnumerable{Destination}, CancellationToken)"/>
    IAsyncEnumerable<BatchChunkResult<Destination>> PushInChunksAsync(EngagePush push, IAsyncEnumerable<Destination> destinations, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="EngageClient.PushInChunksAsync(EngagePush, IEnumerable{Destination}, CancellationToken)"/>
    IAsyncEnumerable<BatchChunkResult<Destination>> PushInChunksAsync(EngagePush push, IEnumerable<Destination> destinations, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="EngageClient.PushAllAsync(EngagePush, IAsyncEnumerable{Destination}, bool, CancellationToken)"/>
    Task<BatchReport<Destination>> PushAllAsync(EngagePush push, IAsyncEnumerable<Destination> destinations, bool keepAcceptedDestinations = false, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="EngageClient.PushAllAsync(EngagePush, IEnumerable{Destination}, bool, CancellationToken)"/>
    Task<BatchReport<Destination>> PushAllAsync(EngagePush push, IEnumerable<Destination> destinations, bool keepAcceptedDestinations = false, CancellationToken cancellationToken = default);
}
