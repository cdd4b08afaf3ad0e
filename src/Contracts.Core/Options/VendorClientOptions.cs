using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Contracts.Core;

/// <summary>
/// Settings every vendor client has: where to send, how long to wait, how often to retry. A vendor's options add
/// theirs, their rules (<see cref="ValidateVendorOptions"/>) and their secrets (<see cref="Secrets"/>); validation at
/// start-up and a description with the secrets redacted (<see cref="ToString"/>) are Core's.
/// </summary>
// The public properties are kept for ToString, which lists them on every vendor's options type.
[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
public abstract class VendorClientOptions
{
    /// <summary>The most retries Kiota's retry handler allows.</summary>
    public const int MaxAllowedRetries = 10;

    /// <summary>
    /// The vendor's base URL. Overrides the vendor's default (a region, a documented host); set it to point a
    /// client at Contracts.Sandbox or a proxy.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The default <see cref="MaxResponseBytes"/>: 32 MiB, far above any answer the vendors document (a page of the Accengage device CSV is about 1 MiB).</summary>
    public const long DefaultMaxResponseBytes = 32L * 1024 * 1024;

    /// <summary>
    /// The longest one call may take, all of it: the token or session it needs, connecting, sending, the answer's
    /// headers and body, retries and the waits between them. Default 100 seconds.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// How many times a request is sent again when that cannot make the vendor act twice (0 to 10): after a 429, after
    /// a connection that failed before the request was written, and after a 503 or 504 for operations the contract
    /// makes idempotent. Default 3.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// The largest answer read, in bytes (per page for paged lists and the CSV device list). A larger answer ends the
    /// call with <see cref="ResponseTooLargeException"/> and its connection is dropped. Default <see cref="DefaultMaxResponseBytes"/>.
    /// </summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>The vendor's name as users know it (ENGAGE, Ogangi, Accengage, ONC), used in errors.</summary>
    protected internal abstract string VendorName { get; }

    /// <summary>
    /// The secrets in these settings (a client secret, an API key, a private key, a password): masked in everything
    /// the vendor answers, so that an echo cannot carry them into messages.
    /// </summary>
    protected internal virtual IEnumerable<string?> Secrets() => [];

    /// <summary>
    /// Base delay between retries when the vendor sends no Retry-After; doubled on each attempt. Whole seconds,
    /// at most 180. Default 3 seconds.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The base URL requests go to: <see cref="BaseUrl"/>, else the vendor's documented host.</summary>
    /// <exception cref="InvalidOperationException">The vendor has no default host and <see cref="BaseUrl"/> is not set.</exception>
    public abstract Uri ResolveBaseUrl();

    /// <summary>Every problem with these settings, each line naming the option ("EngageClientOptions.ClientId is required ...").</summary>
    public OptionsValidationBuilder Validate()
    {
        var failures = new OptionsValidationBuilder(GetType().Name);
        ValidateCommon(failures);
        ValidateVendorOptions(failures);
        return failures;
    }

    /// <summary>Throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> listing every problem, if there is any.</summary>
    public void ThrowIfInvalid() => Validate().ThrowIfInvalid(GetType());

    /// <summary>Adds a message for every vendor-specific setting that is missing or out of range.</summary>
    protected abstract void ValidateVendorOptions(OptionsValidationBuilder failures);

    /// <summary>Adds a message for every common setting that is out of range.</summary>
    protected virtual void ValidateCommon(OptionsValidationBuilder failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (BaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
            failures.Add(nameof(BaseUrl), $"must be an absolute http or https URL (got '{Shown(url)}').");
        else if (BaseUrl is { UserInfo.Length: > 0 } withUser)
            failures.Add(nameof(BaseUrl), $"must not carry a user name or password (got '{Shown(withUser)}'): it would reach logs and traces with every URL; give credentials in their own options.");
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
            failures.Add(nameof(Timeout), "must be positive.");
        if (MaxRetries is < 0 or > MaxAllowedRetries)
            failures.Add(nameof(MaxRetries), $"must be between 0 and {MaxAllowedRetries} (got {MaxRetries}).");
        if (MaxResponseBytes < 1024)
            failures.Add(nameof(MaxResponseBytes), $"must be at least 1024 bytes (got {MaxResponseBytes}).");
        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromSeconds(180))
            failures.Add(nameof(RetryDelay), "must be between 0 and 180 seconds.");
    }

    /// <summary>
    /// Describes the settings, every public one by name, with the value of each secret (<see cref="Secrets"/>) shown as
    /// <c>***</c>.
    /// </summary>
    public override string ToString()
    {
        var secrets = Secrets().Where(s => !string.IsNullOrEmpty(s)).ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder(GetType().Name).Append(" {");
        foreach (var property in GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0)
                continue;
            var value = property.GetValue(this);
            var shown = value switch
            {
                string secret when secrets.Contains(secret) => "***",
                Uri url => Shown(url),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
            text.Append(' ').Append(property.Name).Append(" = ").Append(shown).Append(',');
        }
        return text.Remove(text.Length - 1, 1).Append(" }").ToString();
    }

    /// <summary>A URL as it may be shown: a user name or password in it replaced by <c>***</c>.</summary>
    private static string Shown(Uri url)
        => url.IsAbsoluteUri && url.UserInfo.Length > 0 ? new UriBuilder(url) { UserName = "***", Password = "" }.Uri.ToString() : url.ToString();
}
