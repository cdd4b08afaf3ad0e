using Contracts.Core.Batching;

namespace Contracts.Accengage;

/// <summary>The Accengage client's hand-written friendly operations (the CSV device list, batches), beside the generated ones and their paged enumerations, so all can be mocked through one interface.</summary>
public partial interface IAccengageClient
{
    /// <inheritdoc cref="AccengageClient.EnumerateDevicesAsync(IEnumerable{string}, string, string, int, CancellationToken)"/>
    IAsyncEnumerable<DeviceRow> EnumerateDevicesAsync(IEnumerable<string>? fields = null, string? firstOpen = null, string? lastOpen = null, int startPage = 1, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.SendInstantMessageInChunksAsync(MessageData, IAsyncEnumerable{Target}, CancellationToken)"/>
    IAsyncEnumerable<BatchChunkResult<Target>> SendInstantMessageInChunksAsync(MessageData message, IAsyncEnumerable<Target> targets, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.SendInstantMessageInChunksAsync(MessageData, IEnumerable{Target}, CancellationToken)"/>
    IAsyncEnumerable<BatchChunkResult<Target>> SendInstantMessageInChunksAsync(MessageData message, IEnumerable<Target> targets, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.SendInstantMessageToAllAsync(MessageData, IAsyncEnumerable{Target}, bool, CancellationToken)"/>
    Task<BatchReport<Target>> SendInstantMessageToAllAsync(MessageData message, IAsyncEnumerable<Target> targets, bool keepAcceptedTargets = false, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.SendInstantMessageToAllAsync(MessageData, IEnumerable{Target}, bool, CancellationToken)"/>
    Task<BatchReport<Target>> SendInstantMessageToAllAsync(MessageData message, IEnumerable<Target> targets, bool keepAcceptedTargets = false, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.UpdateDevicesInChunksAsync(IAsyncEnumerable{IDictionary{string, object}}, CancellationToken)"/>
    IAsyncEnumerable<BatchChunkResult<IDictionary<string, object>>> UpdateDevicesInChunksAsync(IAsyncEnumerable<IDictionary<string, object>> users, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.UpdateDevicesInChunksAsync(IEnumerable{IDictionary{string, object}}, CancellationToken)"/>
    IAsyncEnumerable<BatchChunkResult<IDictionary<string, object>>> UpdateDevicesInChunksAsync(IEnumerable<IDictionary<string, object>> users, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.UpdateAllDevicesAsync(IAsyncEnumerable{IDictionary{string, object}}, bool, CancellationToken)"/>
    Task<BatchReport<IDictionary<string, object>>> UpdateAllDevicesAsync(IAsyncEnumerable<IDictionary<string, object>> users, bool keepAcceptedUsers = false, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.UpdateAllDevicesAsync(IEnumerable{IDictionary{string, object}}, bool, CancellationToken)"/>
    Task<BatchReport<IDictionary<string, object>>> UpdateAllDevicesAsync(IEnumerable<IDictionary<string, object>> users, bool keepAcceptedUsers = false, CancellationToken cancellationToken = default);
}
