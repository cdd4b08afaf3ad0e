namespace Contracts.Onc;

public sealed partial class OncClient
{
    /// <summary>The IDs of the contacts within a campaign (GetCampaignContactsListing).</summary>
    /// <exception cref="ArgumentException">The ID is empty; nothing was sent.</exception>
    /// <exception cref="OncException">The service answered without a list (its error signal), or failed.</exception>
    public Task<IReadOnlyList<Guid>> GetCampaignContactsListingAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        ThrowIfEmpty(campaignId, nameof(campaignId));
        return InvokeForListAsync(OncOperations.GetCampaignContactsListing, session => _operations.GetCampaignContactsListingAsync(session, campaignId), cancellationToken);
    }

    /// <summary>Every contact within a campaign, with its delivery status per channel (GetCampaignContacts).</summary>
    /// <exception cref="ArgumentException">The ID is empty; nothing was sent.</exception>
    /// <exception cref="OncException">The service answered without a list (its error signal), or failed.</exception>
    public async Task<IReadOnlyList<OutboundNotificationContactInfo>> GetCampaignContactsAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        ThrowIfEmpty(campaignId, nameof(campaignId));
        var contacts = await InvokeForListAsync(OncOperations.GetCampaignContacts, session => _operations.GetCampaignContactsAsync(session, campaignId), cancellationToken).ConfigureAwait(false);
        return WithoutNil(contacts);
    }

    /// <summary>
    /// Adds a contact to the campaign its CampaignId names (AddCampaignContact). The service ignores StatusCode
    /// (it sets DoNotTry for a blank Destination, Pending otherwise) and LastDeliveryErrorCode.
    /// </summary>
    /// <exception cref="ArgumentException">The contact breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="OncException">The service answered an error code.</exception>
    public Task AddCampaignContactAsync(OutboundNotificationContactInfo contact, CancellationToken cancellationToken = default)
    {
        OncRules.ThrowIf(OncRules.CheckNewContact(contact), nameof(contact));
        return InvokeForCodeAsync(OncOperations.AddCampaignContact, session => _operations.AddCampaignContactAsync(session, contact), cancellationToken, contact);
    }

    /// <summary>Updates a contact (UpdateCampaignContact); its Id and CampaignId name it. StatusCode and LastDeliveryErrorCode are ignored by the service.</summary>
    /// <exception cref="ArgumentException">The contact has no Id or breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="OncException">The service answered an error code.</exception>
    public Task UpdateCampaignContactAsync(OutboundNotificationContactInfo contact, CancellationToken cancellationToken = default)
    {
        OncRules.ThrowIf(OncRules.CheckExistingContact(contact), nameof(contact));
        return InvokeForCodeAsync(OncOperations.UpdateCampaignContact, session => _operations.UpdateCampaignContactAsync(session, contact), cancellationToken, contact);
    }

    /// <summary>Deletes a contact from a campaign (DeleteCampaignContact).</summary>
    /// <exception cref="ArgumentException">An ID is empty; nothing was sent.</exception>
    /// <exception cref="OncException">The service answered an error code.</exception>
    public Task DeleteCampaignContactAsync(Guid campaignId, Guid contactId, CancellationToken cancellationToken = default)
    {
        ThrowIfEmpty(campaignId, nameof(campaignId));
        ThrowIfEmpty(contactId, nameof(contactId));
        return InvokeForCodeAsync(OncOperations.DeleteCampaignContact, session => _operations.DeleteCampaignContactAsync(session, campaignId, contactId), cancellationToken);
    }
}
