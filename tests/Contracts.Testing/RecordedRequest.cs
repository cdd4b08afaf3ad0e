using System.Text;
using System.Text.Json;

namespace Contracts.Testing;

/// <summary>One request as it arrived on the wire: method, path, query, headers and body bytes.</summary>
public sealed class RecordedRequest
{
    public RecordedRequest(string method, string path, string query, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        ReceivedAt = DateTimeOffset.UtcNow;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    /// <summary>When the server finished reading the request.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The path as received (still percent-encoded).</summary>
    public string Path { get; }

    /// <summary>The query string including the leading '?', or empty.</summary>
    public string Query { get; }

    /// <summary>Headers, names compared case-insensitively, multiple values joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Method} {Path}{Query}";
}
