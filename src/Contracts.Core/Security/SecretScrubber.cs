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
    /// <summary>What an escape starts with (percent, JSON, XML): text without any has nothing <see cref="MaskEscaped"/> could find.</summary>
    private static readonly System.Buffers.SearchValues<byte> EscapeStarts = System.Buffers.SearchValues.Create("%\\&"u8);
    private static readonly System.Buffers.SearchValues<char> EscapeStartChars = System.Buffers.SearchValues.Create("%\\&");
    private static readonly ConcurrentDictionary<string, Form[]> FormsOfSecret = new(StringComparer.Ordinal);

    private readonly Form[] _forms;

    // Each secret as it is (UTF-8), for the echoes that escape it otherwise than the forms do: an echo of a URL may
    // write its percent escapes in lower case (%2b), mix cases, or escape characters the client left as they were; an
    // XML answer may write any character as a reference (&#43;), a JSON one escape a slash (\/) or write \u002b. A
    // reader decodes all of them back into the secret, after the bytes were scrubbed.
    private readonly byte[][] _secrets;

    private SecretScrubber(Form[] forms, byte[][] secrets)
    {
        _forms = forms;
        _secrets = secrets;
    }

    /// <summary>A scrubber that masks nothing.</summary>
    public static SecretScrubber None { get; } = new([], []);

    /// <summary>A scrubber for <paramref name="secrets"/> (null and short values are ignored).</summary>
    public static SecretScrubber For(IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var forms = new List<Form>();
        var raw = new List<byte[]>();
        foreach (var secret in secrets)
        {
            if (secret is null || secret.Length < MinimumLength)
                continue;
            AddRaw(raw, secret);
            foreach (var form in FormsOf(secret))
            {
                if (!forms.Exists(f => f.Text == form.Text))
                    forms.Add(form);
            }
        }
        // Longest first: a secret inside a longer one (a token inside a signed URL) must not break the longer match.
        forms.Sort((a, b) => b.Text.Length.CompareTo(a.Text.Length));
        return forms.Count == 0 ? None : new SecretScrubber([.. forms], [.. raw]);
    }

    /// <summary>
    /// This scrubber and <paramref name="secrets"/> too: the forms made already are kept in their order and each new
    /// one put where its length belongs, instead of every configured secret's forms being made and sorted again for
    /// each request that carries a secret of its own (a signature, a session id).
    /// </summary>
    internal SecretScrubber With(IEnumerable<string> secrets)
    {
        List<Form>? forms = null;
        List<byte[]>? raw = null;
        foreach (var secret in secrets)
        {
            if (secret.Length < MinimumLength)
                continue;
            AddRaw(raw ??= [.. _secrets], secret);
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
        return forms is null || forms.Count == _forms.Length ? this : new SecretScrubber([.. forms], [.. raw!]);
    }

    private static void AddRaw(List<byte[]> raw, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        if (!raw.Exists(r => r.AsSpan().SequenceEqual(bytes)))
            raw.Add(bytes);
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
        if (_secrets.Length > 0 && text.AsSpan().IndexOfAny(EscapeStartChars) >= 0)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var masked = MaskEscaped(bytes);
            if (masked.Array != bytes)
                text = Encoding.UTF8.GetString(masked);
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
        return _secrets.Length > 0 && bytes.AsSpan().IndexOfAny(EscapeStarts) >= 0 ? MaskEscaped(bytes) : bytes;
    }

    /// <summary>
    /// <paramref name="bytes"/> with every run that spells a secret once its escapes (see <see cref="Unescape"/>) are
    /// read as what they stand for masked; the same array when there is none.
    /// </summary>
    private ArraySegment<byte> MaskEscaped(ArraySegment<byte> bytes)
    {
        foreach (var secret in _secrets)
        {
            var source = bytes.AsSpan();
            List<byte>? result = null;
            var copied = 0;
            var escape = -1;
            for (var at = 0; at < source.Length;)
            {
                if (escape < at)
                {
                    var next = source[at..].IndexOfAny(EscapeStarts);
                    escape = next < 0 ? source.Length : at + next;
                }
                if (escape == source.Length)
                    break;
                // A run that spells the secret holds an escape (one without is the secret as it is, masked already),
                // and only literal bytes before its first: it starts at most the secret's length before that escape.
                var from = Math.Max(at, escape - secret.Length + 1);
                var literal = source[from..escape].IndexOf(secret[0]);
                var start = literal < 0 ? escape : from + literal;
                var length = EscapedLength(source[start..], secret);
                if (length == 0)
                {
                    at = start + 1;
                    continue;
                }
                result ??= new List<byte>(source.Length);
                result.AddRange(source[copied..start]);
                result.AddRange(MaskBytes);
                copied = at = start + length;
            }
            if (result is null)
                continue;
            result.AddRange(source[copied..]);
            bytes = result.ToArray();
        }
        return bytes;
    }

    /// <summary>How many bytes at the start of <paramref name="text"/> spell <paramref name="secret"/>, each of its bytes as it is or escaped; 0 when they do not.</summary>
    private static int EscapedLength(ReadOnlySpan<byte> text, ReadOnlySpan<byte> secret)
    {
        var at = 0;
        foreach (var expected in secret)
        {
            // The escape first: a secret's '&' or '%' must not be taken as the start of the escape of another byte.
            if (Unescape(text[at..], out var length) == expected)
                at += length;
            else if (at < text.Length && text[at] == expected)
                at++;
            else
                return 0;
        }
        return at;
    }

    /// <summary>
    /// The byte an escape at the start of <paramref name="text"/> stands for, and the escape's length: a percent escape
    /// (either case), or for an ASCII character a JSON escape (<c>\/</c>, <c>\"</c>, <c>\\</c>, <c>\u002b</c>) or an
    /// XML reference (<c>&amp;#43;</c>, <c>&amp;#x2B;</c>, <c>&amp;amp;</c>...); -1 when it starts with none.
    /// </summary>
    private static int Unescape(ReadOnlySpan<byte> text, out int length)
    {
        length = 0;
        if (text.Length < 2)
            return -1;
        var value = text[0] switch
        {
            (byte)'%' when text.Length >= 3 => Hex(text.Slice(1, 2), ref length, 3),
            (byte)'\\' when text[1] is (byte)'/' or (byte)'"' or (byte)'\\' => Take(text[1], ref length, 2),
            (byte)'\\' when text[1] == 'u' && text.Length >= 6 && Hex(text.Slice(2, 4), ref length, 6) is >= 0 and < 0x80 and var unit => unit,
            (byte)'&' => Reference(text, ref length),
            _ => -1,
        };
        if (value < 0)
            length = 0;
        return value;
    }

    /// <summary>An XML reference to an ASCII character: numeric (decimal or hexadecimal) or one of XML's named five.</summary>
    private static int Reference(ReadOnlySpan<byte> text, ref int length)
    {
        var end = text[..Math.Min(text.Length, 12)].IndexOf((byte)';');
        if (end < 2)
            return -1;
        var name = text[1..end];
        int value;
        if (name[0] != '#')
            value = name.SequenceEqual("amp"u8) ? '&' : name.SequenceEqual("lt"u8) ? '<' : name.SequenceEqual("gt"u8) ? '>' : name.SequenceEqual("quot"u8) ? '"' : name.SequenceEqual("apos"u8) ? '\'' : -1;
        else if (name.Length > 2 && (name[1] | 0x20) == 'x')
            value = Hex(name[2..], ref length, end + 1);
        else
            value = Decimal(name[1..]);
        if (value is < 0 or >= 0x80)
            return -1;
        length = end + 1;
        return value;
    }

    private static int Take(byte value, ref int length, int escapeLength)
    {
        length = escapeLength;
        return value;
    }

    private static int Hex(ReadOnlySpan<byte> digits, ref int length, int escapeLength)
    {
        var value = 0;
        foreach (var digit in digits)
        {
            if (HexDigit(digit) is not (>= 0 and var d) || value > 0xFFFF)
                return -1;
            value = value << 4 | d;
        }
        length = escapeLength;
        return digits.IsEmpty ? -1 : value;
    }

    private static int Decimal(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var digit in digits)
        {
            if (digit is < (byte)'0' or > (byte)'9' || value > 0xFFFF)
                return -1;
            value = value * 10 + digit - '0';
        }
        return digits.IsEmpty ? -1 : value;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

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
