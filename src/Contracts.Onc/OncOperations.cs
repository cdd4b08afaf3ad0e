namespace Contracts.Onc;

/// <summary>The names of the ONC SOAP operations, as errors and logs report them.</summary>
public static class OncOperations
{
    /// <summary>OpenAPISession: verifies the credentials and opens a session.</summary>
    public const string OpenApiSession = "OpenAPISession";

    /// <summary>CloseAPISession.</summary>
    public const string CloseApiSession = "CloseAPISession";

    /// <summary>GetCampaignListing: the ids of the active campaigns.</summary>
    public const string GetCampaignListing = "GetCampaignListing";

    /// <summary>GetCampaigns.</summary>
    public const string GetCampaigns = "GetCampaigns";

    /// <summary>AddCampaign.</summary>
    public const string AddCampaign = "AddCampaign";

    /// <summary>GetCampaign.</summary>
    public const string GetCampaign = "GetCampaign";

    /// <summary>UpdateCampaign.</summary>
    public const string UpdateCampaign = "UpdateCampaign";

    /// <summary>DeleteCampaign.</summary>
    public const string DeleteCampaign = "DeleteCampaign";

    /// <summary>GetCampaignContactsListing.</summary>
    public const string GetCampaignContactsListing = "GetCampaignContactsListing";

    /// <summary>GetCampaignContacts.</summary>
    public const string GetCampaignContacts = "GetCampaignContacts";

    /// <summary>AddCampaignContact.</summary>
    public const string AddCampaignContact = "AddCampaignContact";

    /// <summary>UpdateCampaignContact.</summary>
    public const string UpdateCampaignContact = "UpdateCampaignContact";

    /// <summary>DeleteCampaignContact.</summary>
    public const string DeleteCampaignContact = "DeleteCampaignContact";

    /// <summary>The operations the contract marks idempotent (the reads, opening and closing a session), by name.</summary>
    private static readonly HashSet<string> Idempotent = OutboundNotificationsCampaignsServiceOperations.NameByAction
        .Where(operation => OutboundNotificationsCampaignsServiceOperations.IdempotentActions.Contains(operation.Key))
        .Select(operation => operation.Value)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether sending <paramref name="operation"/> twice has the effect of sending it once, as the contract says.</summary>
    internal static bool IsIdempotent(string operation) => Idempotent.Contains(operation);
}
