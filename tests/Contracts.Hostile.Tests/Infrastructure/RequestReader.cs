using System.Globalization;

namespace Contracts.Hostile.Tests.Infrastructure;

/// <summary>A request as read off the wire, before the server gives it its place in the record.</summary>
internal sealed record ParsedRequest(string Method, string Target, string Version, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body);

/// <summary>
/// Reads one HTTP/1.1 request (RFC 9112): request line, header fields, and the body framed by Content-Length or
/// chunked transfer coding. Strict where a lenient reading would hide a client bug (a body framed both ways, a
/// folded header, a chunk without its CRLF): those are refused, not guessed at. Every limit is there so that a
/// misbehaving client cannot make the server read or buffer without end.
/// </summary>
internal static class RequestReader
{
    public const int MaxLineLength = 16 * 1024;
    public const int MaxHeadBytes = 64 * 1024;
    public const int MaxHeaderFields = 256;
    public const long MaxBodyBytes = 64L * 1024 * 1024;

    /// <summary>RFC 9112 asks a server to ignore at least one empty line before a request line; a few are allowed.</summary>
    private const int MaxLeadingEmptyLines = 4;

    /// <summary>
    /// The next request on the connection, or null when the client closed it cleanly between requests.
    /// <paramref name="sendContinue"/> is called once the head says the client waits for "100 Continue" before
    /// sending its body (Expect: 100-continue), so such a client is neither stalled nor refused.
    /// </summary>
    /// <exception cref="MalformedRequestException">The request is not valid HTTP/1.1 or exceeds a limit.</exception>
    /// <exception cref="EndOfStreamException">The client closed the connection in the middle of the request.</exception>
    public static async Task<ParsedRequest?> ReadAsync(ConnectionInput input, Func<CancellationToken, Task> sendContinue, CancellationToken cancellationToken)
    {
        var requestLine = await input.ReadLineAsync(MaxLineLength, cancellationToken).ConfigureAwait(false);
        for (var skipped = 0; requestLine is { Length: 0 } && skipped < MaxLeadingEmptyLines; skipped++)
            requestLine = await input.ReadLineAsync(MaxLineLength, cancellationToken).ConfigureAwait(false);
        if (requestLine is null)
            return null;

        var (method, target, version) = ParseRequestLine(requestLine);
        var headers = await ReadFieldsAsync(input, requestLine.Length, cancellationToken).ConfigureAwait(false);
        var chunked = IsChunked(headers);
        var contentLength = ContentLength(headers);
        if (chunked && contentLength is not null)
            throw new MalformedRequestException("The request frames its body both with Transfer-Encoding and Content-Length (RFC 9112 section 6.3 treats this as an attack).");

        if ((chunked || contentLength > 0) && ExpectsContinue(headers, version))
            await sendContinue(cancellationToken).ConfigureAwait(false);

        byte[] body;
        if (chunked)
        {
            var (content, trailers) = await ReadChunkedBodyAsync(input, cancellationToken).ConfigureAwait(false);
            body = content;
            headers.AddRange(trailers);
        }
        else
        {
            body = await ReadSizedBodyAsync(input, contentLength ?? 0, cancellationToken).ConfigureAwait(false);
        }

        return new ParsedRequest(method, target, version, headers, body);
    }

    private static (string Method, string Target, string Version) ParseRequestLine(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 3 || !IsToken(parts[0]) || parts[1].Length == 0 || !IsHttp1Version(parts[2]))
            throw new MalformedRequestException($"The request line is not 'METHOD target HTTP/1.x': '{line}'.");
        return (parts[0], parts[1], parts[2]);
    }

    private static bool IsHttp1Version(string version)
        => version.Length == 8 && version.StartsWith("HTTP/1.", StringComparison.Ordinal) && char.IsAsciiDigit(version[7]);

    private static async Task<List<(string Name, string Value)>> ReadFieldsAsync(ConnectionInput input, int bytesSoFar, CancellationToken cancellationToken)
    {
        var fields = new List<(string Name, string Value)>();
        var headBytes = bytesSoFar;
        while (true)
        {
            var line = await input.ReadLineAsync(MaxLineLength, cancellationToken).ConfigureAwait(false)
                ?? throw new EndOfStreamException("The client closed the connection in the middle of the header fields.");
            if (line.Length == 0)
                return fields;
            headBytes += line.Length + 2;
            if (headBytes > MaxHeadBytes || fields.Count == MaxHeaderFields)
                throw new MalformedRequestException(431, $"The header fields exceed {MaxHeaderFields} fields or {MaxHeadBytes} bytes.");
            fields.Add(ParseField(line));
        }
    }

    private static (string Name, string Value) ParseField(string line)
    {
        if (line[0] is ' ' or '\t')
            throw new MalformedRequestException($"A folded header line (obsolete line folding, RFC 9112 section 5.2): '{line}'.");
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !IsToken(line[..colon]))
            throw new MalformedRequestException($"A header line is not 'name: value': '{line}'.");
        return (line[..colon], line[(colon + 1)..].Trim(' ', '\t'));
    }

    private static bool IsChunked(List<(string Name, string Value)> headers)
    {
        var codings = Values(headers, "Transfer-Encoding").SelectMany(v => v.Split(',')).Select(c => c.Trim(' ', '\t')).Where(c => c.Length > 0).ToList();
        if (codings.Count == 0)
            return false;
        if (codings.Count != 1 || !codings[0].Equals("chunked", StringComparison.OrdinalIgnoreCase))
            throw new MalformedRequestException($"Transfer-Encoding '{string.Join(", ", codings)}': the server reads only 'chunked', and a request's codings must end with it.");
        return true;
    }

    private static long? ContentLength(List<(string Name, string Value)> headers)
    {
        var lengths = Values(headers, "Content-Length").SelectMany(v => v.Split(',')).Select(v => v.Trim(' ', '\t')).Distinct(StringComparer.Ordinal).ToList();
        if (lengths.Count == 0)
            return null;
        if (lengths.Count != 1 || lengths[0].Length is 0 or > 18 || !lengths[0].All(char.IsAsciiDigit))
            throw new MalformedRequestException($"Content-Length '{string.Join(", ", lengths)}' is not one decimal length.");
        return long.Parse(lengths[0], NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static bool ExpectsContinue(List<(string Name, string Value)> headers, string version)
        => version == "HTTP/1.1" && Values(headers, "Expect").Any(v => v.Trim().Equals("100-continue", StringComparison.OrdinalIgnoreCase));

    private static async Task<byte[]> ReadSizedBodyAsync(ConnectionInput input, long length, CancellationToken cancellationToken)
    {
        if (length > MaxBodyBytes)
            throw new MalformedRequestException(413, $"The body announces {length} bytes; the server reads at most {MaxBodyBytes}.");
        var body = new byte[length];
        await input.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        return body;
    }

    private static async Task<(byte[] Body, List<(string Name, string Value)> Trailers)> ReadChunkedBodyAsync(ConnectionInput input, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await input.ReadLineAsync(MaxLineLength, cancellationToken).ConfigureAwait(false)
                ?? throw new EndOfStreamException("The client closed the connection in the middle of a chunked body.");
            var size = ChunkSize(sizeLine);
            if (size == 0)
                break;
            if (body.Length + size > MaxBodyBytes)
                throw new MalformedRequestException(413, $"The chunked body grows past {MaxBodyBytes} bytes, the most the server reads.");
            var chunk = new byte[size];
            await input.ReadExactlyAsync(chunk, cancellationToken).ConfigureAwait(false);
            body.Write(chunk);
            var end = await input.ReadLineAsync(MaxLineLength, cancellationToken).ConfigureAwait(false);
            if (end is not { Length: 0 })
                throw new MalformedRequestException("A chunk's data is not followed by CRLF.");
        }

        // Trailer fields end the body like a head's fields end it (RFC 9112 section 7.1.2).
        var trailers = await ReadFieldsAsync(input, 0, cancellationToken).ConfigureAwait(false);
        return (body.ToArray(), trailers);
    }

    private static long ChunkSize(string line)
    {
        var semicolon = line.IndexOf(';', StringComparison.Ordinal);
        var hex = (semicolon >= 0 ? line[..semicolon] : line).Trim(' ', '\t');
        if (hex.Length is 0 or > 15 || !hex.All(char.IsAsciiHexDigit))
            throw new MalformedRequestException($"A chunk size is not a hexadecimal number: '{line}'.");
        return long.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static IEnumerable<string> Values(List<(string Name, string Value)> headers, string name)
        => headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    /// <summary>An RFC 9110 token: what a method or a field name must be.</summary>
    private static bool IsToken(string text)
        => text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));
}
