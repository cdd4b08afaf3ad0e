namespace Contracts.Core.Security;

/// <summary>
/// The secrets one client is configured with (a client secret, an API key, a private key, a password). The pipeline
/// masks them, plus what each request carries (its bearer token, and what <see cref="Http.VendorRequest.AddSecret"/>
/// declared: signatures, session ids), in everything the vendor answers.
/// </summary>
public sealed class ClientSecrets
{
    private readonly string[] _configured;
    private WithOne? _lastWithOne;

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
        if (more.Count == 0)
            return Scrubber;
        if (more.Count != 1)
            return SecretScrubber.For(_configured.Concat(more));
        // One secret per request (a bearer token, a session id) is the common case, and it stays the same for many
        // requests in a row: the scrubber made for the last one is kept.
        var secret = more.First();
        var last = Volatile.Read(ref _lastWithOne);
        if (last is not null && string.Equals(last.Secret, secret, StringComparison.Ordinal))
            return last.Scrubber;
        var made = new WithOne(secret, SecretScrubber.For([.. _configured, secret]));
        Volatile.Write(ref _lastWithOne, made);
        return made.Scrubber;
    }

    private sealed record WithOne(string Secret, SecretScrubber Scrubber);

    /// <summary><paramref name="text"/> with every configured secret masked.</summary>
    public string? Scrub(string? text) => Scrubber.Scrub(text);
}
