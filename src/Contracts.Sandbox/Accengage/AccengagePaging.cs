using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// Accengage's paginated answers: the <c>page</c> parameter (from 1; under 1 or past the last page, an empty set), the
/// <c>Link</c> header (<c>first</c> always, <c>prev</c> above page 1, <c>next</c> while items are left, none on the last
/// page) and, in JSON answers, the <c>links</c> body field with the same URLs. Each URL repeats the request's own query
/// with only <c>page</c> changed, so a client can follow it exactly as given.
/// </summary>
internal static class AccengagePaging
{
    /// <summary>Reads <c>page</c>: 1 when absent; null when it is not an integer (answer 400).</summary>
    public static int? RequestedPage(AccengageCall call)
    {
        var text = call.Query("page");
        if (string.IsNullOrEmpty(text))
            return 1;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var page) ? page : null;
    }

    /// <summary>
    /// A JSON page: <paramref name="items"/> sliced to the requested page under <paramref name="listProperty"/>, with the
    /// <c>links</c> field and the <c>Link</c> header.
    /// </summary>
    public static IResult JsonPage(AccengageCall call, string listProperty, IEnumerable<JsonNode> items)
    {
        if (RequestedPage(call) is not { } page)
            return AccengageAnswers.BadData($"Invalid page {call.Query("page")}: pages are numbered from 1");
        var (slice, links) = Slice(call, items.ToList(), page, call.Simulator.PageSize);
        SetLinkHeader(call, links);
        var body = new JsonObject { [listProperty] = new JsonArray(slice.Select(AccengageAnswers.Copy).ToArray()) };
        var linksField = new JsonObject();
        foreach (var (relation, url) in links)
            linksField[relation] = url;
        body["links"] = linksField;
        return AccengageAnswers.Json(body);
    }

    /// <summary>The items of <paramref name="page"/> and the page's links, in order (first, prev, next).</summary>
    public static (IReadOnlyList<T> Items, IReadOnlyList<(string Relation, string Url)> Links) Slice<T>(AccengageCall call, IReadOnlyList<T> all, int page, int pageSize)
    {
        var lastPage = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
        IReadOnlyList<T> items = page < 1 || page > lastPage ? [] : all.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var links = new List<(string, string)> { ("first", PageUrl(call.Request, 1)) };
        if (page > 1)
            links.Add(("prev", PageUrl(call.Request, page - 1)));
        if (page >= 1 && page < lastPage)
            links.Add(("next", PageUrl(call.Request, page + 1)));
        return (items, links);
    }

    public static void SetLinkHeader(AccengageCall call, IReadOnlyList<(string Relation, string Url)> links)
        => call.Request.HttpContext.Response.Headers["Link"] = string.Join(", ", links.Select(l => $"<{l.Url}>; rel=\"{l.Relation}\""));

    /// <summary>
    /// The request's absolute URL with <c>page</c> set: the path as the request arrived (with the sandbox prefix, or
    /// without it when the vendor was named by header), the other query parameters in their order and encoding.
    /// </summary>
    private static string PageUrl(HttpRequest request, int page)
    {
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw && raw[0] == '/'
            ? raw
            : request.PathBase.Value + request.Path.Value + request.QueryString.Value;
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? "" : target[(question + 1)..];
        var url = new StringBuilder().Append(request.Scheme).Append("://").Append(request.Host.Value).Append(path).Append('?');
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(part.Split('=')[0]);
            if (name != "page")
                url.Append(part).Append('&');
        }
        return url.Append("page=").Append(page.ToString(CultureInfo.InvariantCulture)).ToString();
    }
}
