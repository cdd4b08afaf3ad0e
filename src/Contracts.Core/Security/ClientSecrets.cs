namespace Contracts.Core.Security;

/// <summary>
/// The secrets one client is configured with (a client secret, an API key, a private key, a password). The pipeline
/// masks them, plus what each request carries (its bearer token, and what <see cref="Http.VendorRequest.AddSecret"/>
/// declared: signatures, session ids), in everything the vendor answers.
/// </summary>
public sealed class ClientSecrets
{
    private readonly string[] _configured;

    /// <summary>Creates the set from the configured secrets (null or empty values are ignored).</summary>
    public ClientSecrets(IEnumerable<string?> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        _configured = configured.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToArray();
        Scrubber = SecretScrubber.For(_configured);
    }

    /// <summary>A scrubber for the configured secrets.</summary>
    public SecretScrubber Scrubber { get; }

    /// <summary>A scrubber for the configured secrets plus <paramref name="more"/>.</summary>
    public SecretScrubber With(IReadOnlyCollection<string> more)
    {
        ArgumentNullException.ThrowIfNull(more);
        return more.Count == 0 ? Scrubber : SecretScrubber.For(_configured.Concat(more));
    }

    /// <summary><paramref name="text"/> with every configured secret masked.</summary>
    public string? Scrub(string? text) => Scrubber.Scrub(text);
}
