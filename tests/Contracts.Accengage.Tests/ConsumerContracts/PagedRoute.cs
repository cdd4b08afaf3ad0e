using Contracts.Pacts;
using Contracts.Pacts.Matchers;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>
/// The paging links of one paginated route: the <c>Link</c> header (<c>&lt;url&gt;; rel="first"</c>, <c>rel="prev"</c>
/// above page 1, <c>rel="next"</c> while resources may be left) and the <c>links</c> body field with the same URLs.
/// </summary>
/// <remarks>
/// The client follows the header's next link, so its example is relative (RFC 8288 allows it; the client resolves it
/// against the page's URL): the mock server's port changes on every run and the Pact file must not. The rules accept
/// the absolute links Accengage sends too. The body's links are not followed, so their examples are Accengage's
/// absolute URLs.
/// </remarks>
/// <param name="path">The route's path as the client requests it, e.g. <c>/v1/me/apps/myPartnerId/campaigns</c>.</param>
/// <param name="pathPattern">The path's shape, e.g. <c>/v1/me/apps/[^/]+/campaigns</c> (no anchors).</param>
/// <param name="query">The query of the first request, which every link repeats before its page (e.g. <c>startDate=2015-01-01&amp;</c>), or "".</param>
internal sealed class PagedRoute(string path, string pathPattern, string query = "")
{
    private const string AccengageOrigin = "https://api.accengage.com";

    /// <summary>The route's path, matched by shape.</summary>
    public Matcher Path => Match.Regex(path, $"^{pathPattern}$");

    /// <summary>A request for a page of the route as the client sends it: signed, with the bearer token, accepting JSON.</summary>
    public RequestBuilder Request(PactBuilder builder, string description, string providerState)
        => builder.AuthorizedRequest(description, providerState, HttpMethod.Get, Path).AcceptingJson();

    /// <summary>
    /// Answers <paramref name="request"/> with page <paramref name="page"/> of a JSON list: <paramref name="items"/> as
    /// <paramref name="itemsName"/>, and the page's links in the Link header and in the <c>links</c> field.
    /// </summary>
    public void RespondWithPage(RequestBuilder request, int page, bool isLast, string itemsName, object items)
        => request.WillRespond()
            .WithStatus(200)
            .WithHeader("Link", LinkHeader(page, isLast))
            .WithJsonBody(new Dictionary<string, object> { [itemsName] = items, ["links"] = LinksBody(page, isLast) });

    /// <summary>The header of <paramref name="page"/>: first, prev above page 1, and next unless it is the last page.</summary>
    public Matcher LinkHeader(int page, bool isLast)
    {
        var links = new List<string> { Link(RelativeUrl(1), "first") };
        if (page > 1)
            links.Add(Link(RelativeUrl(page - 1), "prev"));
        if (isLast)
            return Match.Regex(string.Join(", ", links), $"""^<[^>]*>; rel="(first|prev)"(, <[^>]*>; rel="(first|prev)")*$""");
        links.Add(Link(RelativeUrl(page + 1), "next"));
        return Match.Regex(string.Join(", ", links), $"""^(<[^>]*>; rel="(first|prev)", )*<{UrlPattern(page + 1)}>; rel="next"(, <[^>]*>; rel="[^"]*")*$""");
    }

    /// <summary>The <c>links</c> body field of <paramref name="page"/>, the same links as the header's.</summary>
    private Dictionary<string, object> LinksBody(int page, bool isLast)
    {
        var links = new Dictionary<string, object> { ["first"] = BodyUrl(1) };
        if (page > 1)
            links["prev"] = BodyUrl(page - 1);
        if (!isLast)
            links["next"] = BodyUrl(page + 1);
        return links;
    }

    private string RelativeUrl(int page) => $"{path}?{query}page={page}";

    private Matcher BodyUrl(int page) => Match.Regex(AccengageOrigin + RelativeUrl(page), $"^{UrlPattern(page)}$");

    /// <summary>A URL of the route at <paramref name="page"/>, absolute or relative, with any other query parameters.</summary>
    private string UrlPattern(int page) => $"(https?://[^/>]+)?{pathPattern}\\?([^>]*&)?page={page}(&[^>]*)?";

    private static string Link(string url, string relation) => $"<{url}>; rel=\"{relation}\"";
}
