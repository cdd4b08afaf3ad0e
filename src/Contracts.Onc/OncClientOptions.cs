using Contracts.Core;

namespace Contracts.Onc;

/// <summary>Settings of an <see cref="OncClient"/>. Its text never shows the password.</summary>
public sealed class OncClientOptions : VendorClientOptions
{
    /// <summary>The configuration section <c>AddOncClient(configuration)</c> reads by convention.</summary>
    public const string SectionName = "Contracts:Onc";

    /// <summary>How long the service keeps an unused session, as documented: 20 minutes of inactivity.</summary>
    public static readonly TimeSpan DocumentedSessionIdleTimeout = TimeSpan.FromMinutes(20);

    /// <summary>The default <see cref="MaxResponseSize"/>: 64 MiB.</summary>
    public const long DefaultMaxResponseSize = 64L * 1024 * 1024;

    /// <summary>Creates the settings with ONC's defaults; answers up to <see cref="DefaultMaxResponseSize"/> are read.</summary>
    public OncClientOptions() => MaxResponseBytes = DefaultMaxResponseSize;

    /// <summary>
    /// Id of the ONC account. Together with <see cref="UserName"/> and <see cref="Password"/> it opens sessions
    /// (OpenAPISession).
    /// </summary>
    public string AccountId { get; set; } = "";

    /// <summary>User name of the account's API user.</summary>
    public string UserName { get; set; } = "";

    /// <summary>Password of the API user. Treat it as a secret: it is never logged or shown.</summary>
    public string Password { get; set; } = "";

    /// <summary>
    /// How long the service keeps a session nobody uses. The client opens a new session instead of using one idle
    /// this long (minus <see cref="SessionRefreshMargin"/>). Default 20 minutes, as documented.
    /// </summary>
    public TimeSpan SessionIdleTimeout { get; set; } = DocumentedSessionIdleTimeout;

    /// <summary>How long before its idle timeout a session is considered gone. Default 60 seconds.</summary>
    public TimeSpan SessionRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>AddCampaignContact calls in flight at once when adding many contacts. Default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// The largest SOAP answer read, in bytes: the same setting as <see cref="VendorClientOptions.MaxResponseBytes"/>,
    /// under the name this client had first. A larger answer ends the call with <see cref="ResponseTooLargeException"/>.
    /// GetCampaignContacts answers grow with the campaign: about 1 KB per contact. Default 64 MiB.
    /// </summary>
    public long MaxResponseSize
    {
        get => MaxResponseBytes;
        set => MaxResponseBytes = value;
    }

    /// <summary>The service address: <see cref="VendorClientOptions.BaseUrl"/>, which ONC requires (the .svc path is not public).</summary>
    /// <exception cref="InvalidOperationException">BaseUrl is not set.</exception>
    public override Uri ResolveBaseUrl() => BaseUrl ?? throw new InvalidOperationException($"{nameof(OncClientOptions)}.{nameof(BaseUrl)} is required.");

    /// <inheritdoc />
    protected override string VendorName => "ONC";

    /// <inheritdoc />
    protected override IEnumerable<string?> Secrets() => [Password];

    /// <inheritdoc />
    protected override void ValidateVendorOptions(OptionsValidationBuilder failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (BaseUrl is null)
        {
            failures.Add(nameof(BaseUrl), "is required: the address of the ONC service (.svc) your account uses, e.g. on "
                + "https://pop1-apps.mycontactcenter.net (USA); pop0 Canada, pop2 London, pop3 Sydney, pop4 Japan. The path is given by the vendor.");
        }
        if (string.IsNullOrWhiteSpace(AccountId))
            failures.Add(nameof(AccountId), "is required (the ONC account id).");
        else if (XmlText.Problem(AccountId) is { } accountProblem)
            failures.Add(nameof(AccountId), accountProblem + ".");
        if (string.IsNullOrWhiteSpace(UserName))
            failures.Add(nameof(UserName), "is required (the account's API user name).");
        else if (XmlText.Problem(UserName) is { } userProblem)
            failures.Add(nameof(UserName), userProblem + ".");
        if (string.IsNullOrEmpty(Password))
            failures.Add(nameof(Password), "is required (the API user's password).");
        else if (XmlText.SecretProblem(Password) is { } passwordProblem)
            failures.Add(nameof(Password), passwordProblem + ".");
        if (SessionIdleTimeout <= TimeSpan.Zero)
            failures.Add(nameof(SessionIdleTimeout), "must be positive.");
        if (SessionRefreshMargin < TimeSpan.Zero || SessionRefreshMargin >= SessionIdleTimeout)
            failures.Add(nameof(SessionRefreshMargin), "must be at least zero and shorter than SessionIdleTimeout.");
        failures.AtLeast(nameof(MaxConcurrency), MaxConcurrency, 1);
        if (MaxResponseSize < 1024)
            failures.Add(nameof(MaxResponseSize), $"must be at least 1024 bytes (got {MaxResponseSize}).");
    }
}
