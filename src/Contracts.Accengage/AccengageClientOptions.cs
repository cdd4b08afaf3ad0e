using Contracts.Core;

namespace Contracts.Accengage;

/// <summary>Settings of an <see cref="AccengageClient"/>. Its text never shows the API key.</summary>
public sealed class AccengageClientOptions : TokenClientOptions
{
    /// <summary>The configuration section <c>AddAccengageClient(configuration)</c> reads by convention.</summary>
    public const string SectionName = "Contracts:Accengage";

    /// <summary>Accengage's production host.</summary>
    public static readonly Uri ProductionBaseUrl = new("https://api.accengage.com/");

    /// <summary>The documented token lifetime: the access token answer carries no expiry.</summary>
    public static readonly TimeSpan DocumentedTokenLifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// Partner ID of the app the friendly methods (paging, batches) work on; Accengage gives one per app. The
    /// generated operations take the partner ID as an argument, so one client can still reach other apps.
    /// </summary>
    public string PartnerId { get; set; } = "";

    /// <summary>
    /// The user's API key (Accengage dashboard: Administration, Generate a key), used only to sign requests: it is
    /// never sent and never logged. Treat it as a password.
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>E-mail of the Accengage user the API key belongs to; the access token is requested for this user.</summary>
    public string UserEmail { get; set; } = "";

    /// <summary>
    /// How a DELETE with a body (removing devices from a static list, geofences or beacons from a geogroup) is
    /// signed. The document's signing sentence is cut short ("raw POST body (in case of a POST or PUT request; for a
    /// GET or DELETE)"): by default the body is signed like a POST's, the bytes a server receives; set false to sign
    /// such a DELETE as if it had no body (SHA1 of API key and time), should Accengage answer API_ERR_SIGNATURE to
    /// them. Default true.
    /// </summary>
    public bool SignDeleteBody { get; set; } = true;

    /// <summary>Requests in flight at once when a batch is split into several requests. Default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// The most pages one <c>Enumerate...Async</c> reads (1 or more); one more ends it with
    /// <see cref="Contracts.Core.Paging.PagingException"/>, so a list whose next links never end cannot be read
    /// forever. Default <see cref="Contracts.Core.Paging.LinkHeaderPager.DefaultMaxPages"/>.
    /// </summary>
    public int MaxPages { get; set; } = Contracts.Core.Paging.LinkHeaderPager.DefaultMaxPages;

    /// <summary>Creates the options with the documented 24-hour token lifetime and a 5-minute refresh margin.</summary>
    public AccengageClientOptions()
        : base(DocumentedTokenLifetime, TimeSpan.FromMinutes(5))
    {
    }

    /// <summary>The base URL requests go to: <see cref="VendorClientOptions.BaseUrl"/>, else <see cref="ProductionBaseUrl"/>.</summary>
    public override Uri ResolveBaseUrl() => BaseUrl ?? ProductionBaseUrl;

    /// <inheritdoc />
    protected override string VendorName => "Accengage";

    /// <inheritdoc />
    protected override IEnumerable<string?> Secrets() => [ApiKey];

    /// <inheritdoc />
    protected override void ValidateVendorOptions(OptionsValidationBuilder failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Require(nameof(PartnerId), PartnerId, "the partner ID Accengage gives the app")
            && (PartnerId.Contains('/', StringComparison.Ordinal) || PartnerId.Trim() != PartnerId || PartnerId is "." or ".."))
            failures.Add(nameof(PartnerId), $"must be the app's partner ID alone, without slashes or surrounding spaces, and not '.' or '..' (got '{PartnerId}').");
        failures.Require(nameof(ApiKey), ApiKey, "the user's API key, generated in the Accengage dashboard");
        if (failures.Require(nameof(UserEmail), UserEmail, "the e-mail of the Accengage user the API key belongs to") && !LooksLikeEmail(UserEmail))
            failures.Add(nameof(UserEmail), $"must be an e-mail address (got '{UserEmail}').");
        failures.AtLeast(nameof(MaxConcurrency), MaxConcurrency, 1);
        failures.AtLeast(nameof(MaxPages), MaxPages, 1);
    }

    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);
    }
}
