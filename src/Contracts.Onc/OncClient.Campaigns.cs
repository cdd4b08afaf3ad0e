using Contracts.Core.Validation;

namespace Contracts.Onc;

public sealed partial class OncClient
{
    /// <summary>The IDs of the active campaigns (GetCampaignListing); empty when none is active.</summary>
    /// <exception cref="OncException">The service answered without a list (its error signal), or failed.</exception>
    public Task<IReadOnlyList<Guid>> GetCampaignListingAsync(CancellationToken cancellationToken = default)
        => InvokeForListAsync(OncOperations.GetCampaignListing, session => _operations.GetCampaignListingAsync(session), cancellationToken);

    /// <summary>General information about every active campaign (GetCampaigns); empty when none is active.</summary>
    /// <exception cref="OncException">The service answered without a list (its error signal), or failed.</exception>
    public async Task<IReadOnlyList<OutboundNotificationCampaignInfo>> GetCampaignsAsync(CancellationToken cancellationToken = default)
    {
        var campaigns = await InvokeForListAsync(OncOperations.GetCampaigns, session => _operations.GetCampaignsAsync(session), cancellationToken).ConfigureAwait(false);
        return WithoutNil(campaigns);
    }

    /// <summary>Adds a campaign (AddCampaign). The vendor does not say whether it keeps the ID you set; set one to find the campaign again.</summary>
    /// <exception cref="ArgumentException">The campaign breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="OncException">The service answered an error code.</exception>
    public Task AddCampaignAsync(OutboundNotificationCampaignInfo campaign, CancellationToken cancellationToken = default)
    {
        OncRules.ThrowIf(OncRules.CheckCampaign(campaign, requireId: false), nameof(campaign));
        return InvokeForCodeAsync(OncOperations.AddCampaign, session => _operations.AddCampaignAsync(session, campaign), cancellationToken, campaign);
    }

    /// <summary>General information about one campaign (GetCampaign), or null when the service knows no campaign with that ID.</summary>
    /// <exception cref="ArgumentException">The ID is empty; nothing was sent.</exception>
    public Task<OutboundNotificationCampaignInfo?> GetCampaignAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        ThrowIfEmpty(campaignId, nameof(campaignId));
        return InvokeAsync(OncOperations.GetCampaign, session => _operations.GetCampaignAsync(session, campaignId), static c => c is not null, refusal: null, personal: null, cancellationToken);
    }

    /// <summary>Updates a campaign's general information (UpdateCampaign); the campaign's ID names it.</summary>
    /// <exception cref="ArgumentException">The campaign has no ID or breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="OncException">The service answered an error code.</exception>
    public Task UpdateCampaignAsync(OutboundNotificationCampaignInfo campaign, CancellationToken cancellationToken = default)
    {
        OncRules.ThrowIf(OncRules.CheckCampaign(campaign, requireId: true), nameof(campaign));
        return InvokeForCodeAsync(OncOperations.UpdateCampaign, session => _operations.UpdateCampaignAsync(session, campaign), cancellationToken, campaign);
    }

    /// <summary>Deletes a campaign (DeleteCampaign).</summary>
    /// <exception cref="ArgumentException">The ID is empty; nothing was sent.</exception>
    /// <exception cref="OncException">The service answered an error code.</exception>
    public Task DeleteCampaignAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        ThrowIfEmpty(campaignId, nameof(campaignId));
        return InvokeForCodeAsync(OncOperations.DeleteCampaign, session => _operations.DeleteCampaignAsync(session, campaignId), cancellationToken);
    }

    private static void ThrowIfEmpty(Guid id, string parameter)
    {
        if (id == Guid.Empty)
            throw new InvalidRequestException($"{parameter} is empty; nothing was sent.", parameter);
    }

    /// <summary>Lists arrive with nillable items; a nil item carries nothing a caller could use.</summary>
    private static List<T> WithoutNil<T>(IReadOnlyList<T?> items) where T : class
        => items.Where(item => item is not null).Select(item => item!).ToList();
}
