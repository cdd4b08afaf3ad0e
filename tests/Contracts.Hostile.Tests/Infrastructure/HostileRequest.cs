using System.Text;

namespace Contracts.Hostile.Tests.Infrastructure;

/// <summary>
/// One request exactly as it arrived, recorded before any script answers it, so a test can count what a client sent
/// (a duplicate, a request that should never have been made) however the exchange ended.
/// </summary>
/// <param name="Method">The method as sent (not normalised).</param>
/// <param name="Target">The request-target as sent: origin form (/path?query) or, through a proxy, absolute form.</param>
/// <param name="Path">The target's path, still percent-encoded.</param>
/// <param name="Query">The target's query including the leading '?', or empty.</param>
/// <param name="Version">The HTTP version from the request line, for example "HTTP/1.1".</param>
/// <param name="Headers">The header fields in wire order.</param>
/// <param name="Body">The body after transfer decoding (a chunked body is de-chunked).</param>
/// <param name="ConnectionId">Which accepted connection carried it (1 for the first), so keep-alive can be seen.</param>
/// <param name="ArrivalIndex">Its position in <see cref="HostileServer.Requests"/> (0 for the first request).</param>
/// <param name="ServerPort">The port of the server that received it, which tells servers apart in cross-origin tests.</param>
public sealed record HostileRequest(
    string Method,
    string Target,
    string Path,
    string Query,
    string Version,
    HostileHeaders Headers,
    byte[] Body,
    int ConnectionId,
    int ArrivalIndex,
    int ServerPort)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The header's values joined with ", ", or null if it was not sent.</summary>
    public string? Header(string name) => Headers[name];

    /// <summary>
    /// Whether the connection ends after this exchange: the client sent "Connection: close", or spoke HTTP/1.0, whose
    /// connections close by default (the server does not do HTTP/1.0 keep-alive).
    /// </summary>
    internal bool WantsClose =>
        Headers.GetValues("Connection").Any(v => v.Split(',').Any(t => t.Trim().Equals("close", StringComparison.OrdinalIgnoreCase)))
        || Version.Equals("HTTP/1.0", StringComparison.Ordinal);

    public override string ToString() => $"#{ArrivalIndex} {Method} {Target} (connection {ConnectionId})";
}
