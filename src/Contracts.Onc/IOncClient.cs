using Contracts.Core.Batching;

namespace Contracts.Onc;

/// <summary>The ONC client's operations, so callers can mock them. See <see cref="OncClient"/>.</summary>
public interface IOncClient : IAsyncDisposable
{
    /// <inheritdoc cref="OncClient.GetCampaignListingAsync"/>
    Task<IReadOnlyList<Guid>> GetCampaignListingAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OncClient.GetCampaignsAsync"/>
    Task<IReadOnlyList<OutboundNotificationCampaignInfo>> GetCampaignsAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OncClient.AddCampaignAsync"/>
    Task AddCampaignAsync(OutboundNotificationCampaignInfo campaign, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OncClient.GetCampaignAsync"/>
    Task<OutboundNotificationCampaignInfo?> GetCampaignAsync(Guid campaignId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OncClient.UpdateCampaignAsync"/>
    Task UpdateCampaignAsync(OutboundNotificationCampaignInfo campaign, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OncClient.DeleteCampaignAsync"/>
    Task DeleteCampaignAsync(Guid campaignId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OncClient.GetCampaignContactsListingAsync"/>
    Task<IReadOnlyList<Guid>> GetCampaignContactsListingAsync(Guid campaignId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OncClient.GetCampaignContactsAsync"/>
    Task<IReadOnlyList<OutboundNotificationContactInfo>> GetCampaignContactsAsync(Guid campaignId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OncClient.AddCampaignContactAsync"/>
    Task AddCampaignContactAsync(OutboundNotificationContactInfo contact, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OncClient.UpdateCampaignContactAsync"/>
    Task UpdateCampaignContactAsync(OutboundNotificationContactInfo contact, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OncClient.DeleteCampaignContactAsync"/>
    Task DeleteCampaignContactAsync(Guid campaignId, Guid contactId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OncClient.AddCampaignContactsInChunksAsync(IAsyncEnumerable{OutboundNotificationContactInfo}, CancellationToken)"/>
    IAsyncEnumerable<BatchChunkResult<OutboundNotificationContactInfo>> AddCampaignContactsInChunksAsync(IAsyncEnumerable<OutboundNotificationContactInfo> contacts, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OncClient.AddCampaignContactsAsync(IEnumerable{OutboundNotificationContactInfo}, bool, CancellationToken)"/>
    Task<BatchReport<OutboundNotificationContactInfo>> AddCampaignContactsAsync(IEnumerable<OutboundNotificationContactInfo> contacts, bool keepAcceptedContacts = false, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OncClient.AddCampaignContactsAsync(IAsyncEnumerable{OutboundNotificationContactInfo}, bool, CancellationToken)"/>
    Task<BatchReport<OutboundNotificationContactInfo>> AddCampaignContactsAsync(IAsyncEnumerable<OutboundNotificationContactInfo> contacts, bool keepAcceptedContacts = false, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="OncClient.CloseSessionAsync"/>
    Task CloseSessionAsync(CancellationToken cancellationToken = default);
}
