using Contracts.Core;

namespace Contracts.Engage;

/// <summary>
/// Settings of an <see cref="EngageClient"/>. Its text never shows the client secret. What the contract states (the
/// credentials getToken takes, the region and its host, the documented token lifetime) and the batch settings are
/// generated from it, with their rules.
/// </summary>
public sealed partial class EngageClientOptions : TokenClientOptions
{
    /// <summary>
    /// The ENGAGE Federated Batch Push guide says tokens are valid for 15 minutes, while its own sample token's JWT
    /// <c>exp</c> is 60 minutes after its <c>iat</c>. By default the SDK follows the sentence: a token is replaced
    /// <see cref="TokenClientOptions.TokenLifetime"/> after it was issued (less the refresh margin), or at its
    /// <c>exp</c> when that comes first. Set this to trust the JWT <c>exp</c> alone (fewer token requests, at the risk
    /// of 401s answered by one refresh and retry). Default false.
    /// </summary>
    public bool TrustJwtExpiry { get; set; }

    /// <summary>Creates the options with the documented 15-minute token lifetime and a 60-second refresh margin.</summary>
    public EngageClientOptions()
        : base(DocumentedTokenLifetime, TimeSpan.FromSeconds(60))
    {
    }
}
