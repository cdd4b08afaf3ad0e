namespace Contracts.Core;

/// <summary>Settings of a vendor client that authenticates with a bearer token it fetches itself.</summary>
public abstract class TokenClientOptions : VendorClientOptions
{
    /// <summary>Creates the options with the vendor's documented token lifetime and a refresh margin.</summary>
    protected TokenClientOptions(TimeSpan documentedTokenLifetime, TimeSpan defaultRefreshMargin)
    {
        TokenLifetime = documentedTokenLifetime;
        TokenRefreshMargin = defaultRefreshMargin;
    }

    /// <summary>Token lifetime assumed when a token does not say when it expires (no JWT <c>exp</c>). Default: the vendor's documented lifetime.</summary>
    public TimeSpan TokenLifetime { get; set; }

    /// <summary>How long before expiry a token is replaced.</summary>
    public TimeSpan TokenRefreshMargin { get; set; }

    /// <inheritdoc />
    protected override void ValidateCommon(OptionsValidationBuilder failures)
    {
        base.ValidateCommon(failures);
        if (TokenLifetime <= TimeSpan.Zero)
            failures.Add(nameof(TokenLifetime), "must be positive.");
        if (TokenRefreshMargin < TimeSpan.Zero || TokenRefreshMargin >= TokenLifetime)
            failures.Add(nameof(TokenRefreshMargin), "must be at least zero and shorter than TokenLifetime.");
    }
}
