namespace Contracts.Sandbox.Accengage;

/// <summary>
/// What the simulated Accengage account holds: the user (e-mail and API key), token lifetime, the clock window for
/// <c>Accengage-Time</c>, page sizes, and the apps with their data. The defaults are the document's own example
/// values (user <c>mymail@client.com</c>, API key <c>a1b2c3d4e5f6g7h8</c>, apps <c>myPartnerId</c> and
/// <c>mySecondPartnerId</c>, campaign 91, message 2157, alarm 12345...), so the demo, the Pact provider states and
/// the document's examples all work against a fresh sandbox.
/// </summary>
public sealed class AccengageSandboxOptions
{
    /// <summary>Partner ID of the demo app (the document's example).</summary>
    public const string DemoPartnerId = "myPartnerId";

    /// <summary>Partner ID of the second demo app (the document's multi-app example).</summary>
    public const string SecondDemoPartnerId = "mySecondPartnerId";

    /// <summary>E-mail of the user the token route knows. Default: the document's <c>mymail@client.com</c>.</summary>
    public string UserEmail { get; set; } = "mymail@client.com";

    /// <summary>
    /// The user's API key, which every request's <c>Accengage-Signature</c> must be computed with. Default: the
    /// contract's example key <c>a1b2c3d4e5f6g7h8</c>.
    /// </summary>
    public string ApiKey { get; set; } = "a1b2c3d4e5f6g7h8";

    /// <summary>Lifetime of issued access tokens. Default 24 hours, as Accengage documents.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How far <c>Accengage-Time</c> may be from the sandbox's clock before the request is refused (400
    /// <c>API_ERR_SIGNATURE</c>); null accepts any time. Default 15 hours: Accengage accepts "your local time or UTC
    /// time", so any time zone's offset (UTC-12 to UTC+14) must pass, but a replayed request from yesterday must not.
    /// </summary>
    public TimeSpan? MaxClockSkew { get; set; } = TimeSpan.FromHours(15);

    /// <summary>Items per page of the JSON lists. Default 100, as documented.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Devices per page of the CSV device list. Default 10,000, as documented.</summary>
    public int DevicePageSize { get; set; } = 10_000;

    /// <summary>The apps the user manages, with their data; requests for any other partner ID answer 403 <c>API_ERR_FORBIDDEN</c>.</summary>
    public IList<AccengageSandboxApp> Apps { get; } = [AccengageDemoAccount.DemoApp(), AccengageDemoAccount.SecondDemoApp()];
}
