using System.Text.RegularExpressions;

namespace Contracts.Accengage;

public partial class AccengageClient
{
    /// <summary>
    /// Accengage names a geogroup by its ID or by <c>ext:</c> and its external ID, and writes the colon as is
    /// (<c>/geogroups/ext:myGeogroupExternalId/beacons</c>). The generated code escapes every path parameter whole,
    /// which sends <c>ext%3A...</c>: a server that routes on the raw path would not recognise the prefix, and the
    /// contract's pattern for the parameter (<c>^([0-9]+|ext:.+)$</c>) would not hold. Only that prefix is restored;
    /// the external ID after it stays escaped.
    /// </summary>
    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        if (request.RequestUri is { IsAbsoluteUri: false } && EscapedExternalGeogroupPrefix().IsMatch(url))
            request.RequestUri = new Uri(EscapedExternalGeogroupPrefix().Replace(url, "$1:", 1), UriKind.Relative);
    }

    [GeneratedRegex("^(v1/me/apps/[^/?]+/geogroups/ext)%3A", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex EscapedExternalGeogroupPrefix();
}
