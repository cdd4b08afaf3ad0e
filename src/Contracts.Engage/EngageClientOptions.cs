using Contracts.Core;

namespace Contracts.Engage;

/// <summary>
/// Settings of an <see cref="EngageClient"/>. Its text never shows the client secret. What the contract states (the
/// region and its host, the documented token lifetime) is generated from it.
/// </summary>
public sealed partial class EngageClientOptions : TokenClientOptions
{
    /// <summary>Federated client id issued by First Orion.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>Federated client secret issued by First Orion. Treat it as a password: it is never logged.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// The ENGAGE Federated Batch Push guide says tokens are valid for 15 minutes, while its own sample token's JWT
    /// <c>exp</c> is 60 minutes after its <c>iat</c>. By default the SDK follows the sentence: a token is replaced
    /// <see cref="TokenClientOptions.TokenLifetime"/> after it was issued (less the refresh margin), or at its
    /// <c>exp</c> when that comes first. Set this to trust the JWT <c>exp</c> alone (fewer token requests, at the risk
    /// of 401s answered by one refresh and retry). Default false.
    /// </summary>
    public bool TrustJwtExpiry { get; set; }

    /// <summary>
    /// Destinations per push request when streaming a batch. ENGAGE documents no limit; 1,000 keeps each request
    /// small (about 100 KB) while amortising the per-request cost. Default 1,000.
    /// </summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Push requests in flight at once when streaming a batch. Default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Creates the options with the documented 15-minute token lifetime and a 60-second refresh margin.</summary>
    public EngageClientOptions()
        : base(DocumentedTokenLifetime, TimeSpan.FromSeconds(60))
    {
    }

    /// <inheritdoc />
    protected override IEnumerable<string?> Secrets() => [ClientSecret];

    /// <inheritdoc />
    protected override void ValidateVendorOptions(OptionsValidationBuilder failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        failures.Require(nameof(ClientId), ClientId, "the federated client id issued by First Orion");
        failures.Require(nameof(ClientSecret), ClientSecret, "the federated client secret issued by First Orion");
        failures.AtLeast(nameof(BatchSize), BatchSize, 1);
        failures.AtLeast(nameof(MaxConcurrency), MaxConcurrency, 1);
    }
}
