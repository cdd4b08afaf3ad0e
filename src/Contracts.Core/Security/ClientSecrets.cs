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
        string? single = null;
        var count = 0;
        foreach (var secret in more)
        {
            if (!AddsToMask(secret))
                continue;
            single = secret;
            count++;
        }
        if (count == 0)
            return Scrubber;
        if (count > 1)
            return Scrubber.With(more.Where(AddsToMask));
        return WithKept(single!);
    }

    /// <summary>
    /// A scrubber for the configured secrets plus a request's <paramref name="credential"/> (its bearer token) and
    /// <paramref name="requestSecrets"/> (what it declared: a signature).
    /// </summary>
    internal SecretScrubber With(string credential, IReadOnlyCollection<string> requestSecrets)
    {
        var withCredential = AddsToMask(credential) ? WithKept(credential) : Scrubber;
        // The credential stays the same for many requests while a signature changes with each: the scrubber kept for
        // the credential takes the signature's forms in place, rather than both being made anew for every request.
        return requestSecrets.Count == 0 ? withCredential : withCredential.With(requestSecrets);
    }

    /// <summary>
    /// The configured secrets plus <paramref name="secret"/>. One secret per request (a bearer token, a session id)
    /// is the common case, and it stays the same for many requests in a row: the scrubber made for the last one is
    /// kept. A signature changes with every request: its form joins the configured ones, made once, in place.
    /// </summary>
    private SecretScrubber WithKept(string secret)
    {
        var last = Volatile.Read(ref _lastWithOne);
        if (last is not null && string.Equals(last.Secret, secret, StringComparison.Ordinal))
            return last.Scrubber;
        var made = new WithOne(secret, Scrubber.With([secret]));
        Volatile.Write(ref _lastWithOne, made);
        return made.Scrubber;
    }

    // A request that carries a configured secret (Ogangi's public key in every URL) adds nothing to mask.
    private bool AddsToMask(string secret) => !string.IsNullOrEmpty(secret) && Array.IndexOf(_configured, secret) < 0;

    private sealed record WithOne(string Secret, SecretScrubber Scrubber);

    /// <summary><paramref name="text"/> with every configured secret masked.</summary>
    public string? Scrub(string? text) => Scrubber.Scrub(text);
}
