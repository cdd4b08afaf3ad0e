using Contracts.Core.Batching;

namespace Contracts.Accengage;

/// <summary>The Accengage client's friendly operations (paging, batches), beside the generated ones, so both can be mocked through one interface.</summary>
public partial interface IAccengageClient
{
    /// <inheritdoc cref="AccengageClient.EnumerateCampaignsAsync(int, CancellationToken)"/>
    IAsyncEnumerable<Campaign> EnumerateCampaignsAsync(int startPage = 1, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.EnumerateCampaignClicksAsync(long, string, string, IEnumerable{string}, int, CancellationToken)"/>
    IAsyncEnumerable<Click> EnumerateCampaignClicksAsync(long campaignId, string? startDate = null, string? endDate = null, IEnumerable<string>? data = null, int startPage = 1, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.EnumerateCampaignTargetsAsync(long, string, string, IEnumerable{string}, int, CancellationToken)"/>
    IAsyncEnumerable<TargetedDevice> EnumerateCampaignTargetsAsync(long campaignId, string? startDate = null, string? endDate = null, IEnumerable<string>? data = null, int startPage = 1, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.EnumerateMessagesAsync(string, string, int, CancellationToken)"/>
    IAsyncEnumerable<Message> EnumerateMessagesAsync(string? externalId = null, string? title = null, int startPage = 1, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.EnumerateMessageActionsAsync(long, int, CancellationToken)"/>
    IAsyncEnumerable<MessageAction> EnumerateMessageActionsAsync(long messageId, int startPage = 1, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.EnumerateMessageClicksAsync(long, string, string, IEnumerable{string}, int, CancellationToken)"/>
    IAsyncEnumerable<Click> EnumerateMessageClicksAsync(long messageId, string? startDate = null, string? endDate = null, IEnumerable<string>? data = null, int startPage = 1, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.EnumerateMessageTargetsAsync(long, string, string, IEnumerable{string}, int, CancellationToken)"/>
    IAsyncEnumerable<TargetedDevice> EnumerateMessageTargetsAsync(long messageId, string? startDate = null, string? endDate = null, IEnumerable<string>? data = null, int startPage = 1, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.EnumerateDevicesAsync(IEnumerable{string}, string, string, int, CancellationToken)"/>
    IAsyncEnumerable<DeviceRow> EnumerateDevicesAsync(IEnumerable<string>? fields = null, string? firstOpen = null, string? lastOpen = null, int startPage = 1, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.EnumerateStaticListsAsync(int, CancellationToken)"/>
    IAsyncEnumerable<StaticList> EnumerateStaticListsAsync(int startPage = 1, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.EnumerateStaticListDevicesAsync(long, int, CancellationToken)"/>
    IAsyncEnumerable<StaticListDevice> EnumerateStaticListDevicesAsync(long listId, int startPage = 1, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.EnumerateStatsAsync(DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, int, CancellationToken)"/>
    IAsyncEnumerable<Stat> EnumerateStatsAsync(DateTimeOffset? date = null, DateTimeOffset? startDate = null, DateTimeOffset? endDate = null, int startPage = 1, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.EnumerateGeofencesAsync(int, CancellationToken)"/>
    IAsyncEnumerable<Geofence> EnumerateGeofencesAsync(int startPage = 1, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.EnumerateBeaconsAsync(int, CancellationToken)"/>
    IAsyncEnumerable<Beacon> EnumerateBeaconsAsync(int startPage = 1, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.EnumerateGeogroupsAsync(int, CancellationToken)"/>
    IAsyncEnumerable<Geogroup> EnumerateGeogroupsAsync(int startPage = 1, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.EnumerateInAppsAsync(int, CancellationToken)"/>
    IAsyncEnumerable<InApp> EnumerateInAppsAsync(int startPage = 1, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="AccengageClient.EnumerateAlarmsAsync(int, CancellationToken)"/>
    IAsyncEnumerable<Alarm> EnumerateAlarmsAsync(int startPage = 1, CancellationToken cancellationToken = default);

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
