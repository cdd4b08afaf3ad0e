namespace Contracts.Onc.Http;

/// <summary>
/// The contract's operations sent by <see cref="OncOperationSender"/>, WCF's message layer without its proxy: what
/// the generated client does, with the same formatting, binding and pipeline, for less per call.
/// </summary>
internal sealed class OncDirectClient(OncOperationSender sender) : IOutboundNotificationsCampaignsService
{
    public Task<OpenAPISessionResponse?> OpenAPISessionAsync(string? accountId, string? username, string? password)
        => sender.SendAsync<OpenAPISessionResponse?>(OncOperations.OpenApiSession, accountId, username, password);

    public Task<CloseAPISessionResponse?> CloseAPISessionAsync(string? sessionId)
        => sender.SendAsync<CloseAPISessionResponse?>(OncOperations.CloseApiSession, sessionId);

    public Task<List<Guid>?> GetCampaignListingAsync(string? sessionId)
        => sender.SendAsync<List<Guid>?>(OncOperations.GetCampaignListing, sessionId);

    public Task<List<OutboundNotificationCampaignInfo?>?> GetCampaignsAsync(string? sessionId)
        => sender.SendAsync<List<OutboundNotificationCampaignInfo?>?>(OncOperations.GetCampaigns, sessionId);

    public Task<int> AddCampaignAsync(string? sessionId, OutboundNotificationCampaignInfo? campaign)
        => sender.SendAsync<int>(OncOperations.AddCampaign, sessionId, campaign);

    public Task<OutboundNotificationCampaignInfo?> GetCampaignAsync(string? sessionId, Guid campaignId)
        => sender.SendAsync<OutboundNotificationCampaignInfo?>(OncOperations.GetCampaign, sessionId, campaignId);

    public Task<int> UpdateCampaignAsync(string? sessionId, OutboundNotificationCampaignInfo? campaign)
        => sender.SendAsync<int>(OncOperations.UpdateCampaign, sessionId, campaign);

    public Task<int> DeleteCampaignAsync(string? sessionId, Guid campaignId)
        => sender.SendAsync<int>(OncOperations.DeleteCampaign, sessionId, campaignId);

    public Task<List<Guid>?> GetCampaignContactsListingAsync(string? sessionId, Guid campaignId)
        => sender.SendAsync<List<Guid>?>(OncOperations.GetCampaignContactsListing, sessionId, campaignId);

    public Task<List<OutboundNotificationContactInfo?>?> GetCampaignContactsAsync(string? sessionId, Guid campaignId)
        => sender.SendAsync<List<OutboundNotificationContactInfo?>?>(OncOperations.GetCampaignContacts, sessionId, campaignId);

    public Task<int> AddCampaignContactAsync(string? sessionId, OutboundNotificationContactInfo? contact)
        => sender.SendAsync<int>(OncOperations.AddCampaignContact, sessionId, contact);

    public Task<int> UpdateCampaignContactAsync(string? sessionId, OutboundNotificationContactInfo? contact)
        => sender.SendAsync<int>(OncOperations.UpdateCampaignContact, sessionId, contact);

    public Task<int> DeleteCampaignContactAsync(string? sessionId, Guid campaignId, Guid contactId)
        => sender.SendAsync<int>(OncOperations.DeleteCampaignContact, sessionId, campaignId, contactId);
}
