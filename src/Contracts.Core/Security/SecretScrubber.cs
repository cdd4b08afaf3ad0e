using System.Collections.Concurrent;
using System.Security;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Contracts.Core.Security;

/// <summary>
/// Masks secrets in text a vendor sent back: a server or a proxy that echoes the request would otherwise carry a
/// password, a token or a signature into exception messages, logs and the CLI's output. Each secret is looked for
/// in every form a request may have carried it in: as it is, percent-escaped (a URL), JSON-escaped and XML-escaped.
/// </summary>
/// <remarks>
/// Secrets shorter than <see cref="MinimumLength"/> characters are not masked: masking every "42" would mangle
/// ordinary answers, and a secret that short protects nothing anyway.
/// </remarks>
public sealed class SecretScrubber
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    /// <summary>The shortest secret that is masked.</summary>
    public const int MinimumLength = 4;

    private static readonly byte[] MaskBytes = Encoding.UTF8.GetBytes(Mask);

    /// <summary>Characters no escaping changes (RFC 3986 unreserved): a secret made only of them has one form.</summary>
    private static readonly System.Buffers.SearchValues<char> Unreserved =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");
    private static readonly ConcurrentDictionary<string, Form[]> FormsOfSecret = new(StringComparer.Ordinal);

    private readonly Form[] _forms;

    private SecretScrubber(Form[] forms) => _forms = forms;

    /// <summary>A scrubber that masks nothing.</summary>
    public static SecretScrubber None { get; } = new([]);

    /// <summary>A scrubber for <paramref name="secrets"/> (null and short values are ignored).</summary>
    public static SecretScrubber For(IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var forms = new List<Form>();
        foreach (var secret in secrets)
        {
            if (secret is null || secret.Length < MinimumLength)
                continue;
            foreach (var form in FormsOf(secret))
            {
                if (!forms.Exists(f => f.Text == form.Text))
                    forms.Add(form);
            }
        }
        // Longest first: a secret inside a longer one (a token inside a signed URL) must not break the longer match.
        forms.Sort((a, b) => b.Text.Length.CompareTo(a.Text.Length));
        return forms.Count == 0 ? None : new SecretScrubber([.. forms]);
    }

    /// <summary>
    /// This scrubber and <paramref name="secrets"/> too: the forms made already are kept in their order and each new
    /// one put where its length belongs, instead of every configured secret's forms being made and sorted again for
    /// each request that carries a secret of its own (a signature, a session id).
    /// </summary>
    internal SecretScrubber With(IEnumerable<string> secrets)
    {
        List<Form>? forms = null;
        foreach (var secret in secrets)
        {
            if (secret.Length < MinimumLength)
                continue;
            foreach (var form in FormsOf(secret))
            {
                forms ??= [.. _forms];
                if (IndexOf(forms, form.Text) >= 0)
                    continue;
                // Longest first, as For sorts them.
                var at = 0;
                while (at < forms.Count && forms[at].Text.Length >= form.Text.Length)
                    at++;
                forms.Insert(at, form);
            }
        }
        return forms is null || forms.Count == _forms.Length ? this : new SecretScrubber([.. forms]);
    }

    private static int IndexOf(List<Form> forms, string text)
    {
        for (var i = 0; i < forms.Count; i++)
        {
            if (string.Equals(forms[i].Text, text, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }

    /// <summary>True when there is nothing to mask.</summary>
    public bool IsEmpty => _forms.Length == 0;

    /// <summary><paramref name="text"/> with every secret masked.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public string? Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text;
        foreach (var form in _forms)
        {
            if (text.Contains(form.Text, StringComparison.Ordinal))
                text = text.Replace(form.Text, Mask, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>
    /// <paramref name="bytes"/> (UTF-8 or any ASCII-compatible encoding) with every secret masked; the same array
    /// when no secret occurs in it.
    /// </summary>
    public ArraySegment<byte> Scrub(ArraySegment<byte> bytes)
    {
        foreach (var form in _forms)
        {
            if (bytes.AsSpan().IndexOf(form.Utf8) >= 0)
                bytes = Replace(bytes, form.Utf8);
        }
        return bytes;
    }

    private static byte[] Replace(ReadOnlySpan<byte> source, ReadOnlySpan<byte> secret)
    {
        var result = new List<byte>(source.Length);
        while (true)
        {
            var at = source.IndexOf(secret);
            if (at < 0)
            {
                result.AddRange(source);
                return [.. result];
            }
            result.AddRange(source[..at]);
            result.AddRange(MaskBytes);
            source = source[(at + secret.Length)..];
        }
    }

    private static Form[] FormsOf(string secret)
    {
        // Signatures, hex or Base64url keys and JWTs escape to themselves: no need to compute (or cache) the forms of
        // a value that changes with every request.
        if (!secret.AsSpan().ContainsAnyExcept(Unreserved))
            return [new Form(secret, Encoding.UTF8.GetBytes(secret))];
        if (FormsOfSecret.TryGetValue(secret, out var cached))
            return cached;
        var texts = new HashSet<string>(StringComparer.Ordinal)
        {
            secret,
            Uri.EscapeDataString(secret),
            JsonEncodedText.Encode(secret).Value,
            JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value,
            SecurityElement.Escape(secret),
        };
        var forms = texts.Select(t => new Form(t, Encoding.UTF8.GetBytes(t))).ToArray();
        // Tokens and signatures change all the time: keep the cache from growing without end.
        if (FormsOfSecret.Count > 256)
            FormsOfSecret.Clear();
        FormsOfSecret[secret] = forms;
        return forms;
    }

    private sealed record Form(string Text, byte[] Utf8);
}
