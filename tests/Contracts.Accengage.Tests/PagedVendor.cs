using System.Text.Json;
using System.Web;
using Contracts.Testing;
using Microsoft.AspNetCore.Http;

namespace Contracts.Accengage.Tests;

/// <summary>
/// Answers a paginated Accengage route the way the document describes: <c>page</c> starts at 1, the answer
/// carries a <c>Link</c> header (first always, prev above page 1, next while items are left) whose URLs repeat the
/// request's query, plus an opaque <c>cursor</c> so that a test can tell a followed link from a rebuilt URL.
/// </summary>
internal static class PagedVendor
{
    /// <summary>The page a request asks for (1 when it has no page parameter).</summary>
    public static int PageOf(RecordedRequest request)
    {
        var page = HttpUtility.ParseQueryString(request.Query).Get("page");
        return page is null ? 1 : int.Parse(page, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The Link header value for <paramref name="page"/> of <paramref name="pages"/>.</summary>
    public static string LinkHeader(Uri baseUrl, RecordedRequest request, int page, int pages)
    {
        var links = new List<string> { $"<{PageUrl(baseUrl, request, 1)}>; rel=\"first\"" };
        if (page > 1)
            links.Add($"<{PageUrl(baseUrl, request, page - 1)}>; rel=\"prev\"");
        if (page < pages)
            links.Add($"<{PageUrl(baseUrl, request, page + 1)}>; rel=\"next\"");
        return string.Join(", ", links);
    }

    /// <summary>The URL of another page of the same request: its query (but page and cursor), then page and cursor.</summary>
    public static string PageUrl(Uri baseUrl, RecordedRequest request, int page)
    {
        var kept = request.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("page=", StringComparison.Ordinal) && !p.StartsWith("cursor=", StringComparison.Ordinal));
        var query = string.Join('&', kept.Append($"page={page}").Append($"cursor=c{page}"));
        return $"{baseUrl.GetLeftPart(UriPartial.Authority)}{request.Path}?{query}";
    }

    /// <summary>
    /// Serves a JSON list of <paramref name="pages"/> pages of <paramref name="perPage"/> items under
    /// <paramref name="property"/>; item k (from 1) is <c>{"id":k,"deviceId":"device-k"}</c>. Pages past the last are empty.
    /// </summary>
    public static Func<RecordedRequest, HttpContext, Task> JsonList(Uri baseUrl, string property, int pages, int perPage)
        => (request, context) =>
        {
            var page = PageOf(request);
            var items = page >= 1 && page <= pages
                ? Enumerable.Range((page - 1) * perPage + 1, perPage).Select(k => new { id = k, deviceId = $"device-{k}" }).ToArray()
                : [];
            context.Response.Headers["Link"] = LinkHeader(baseUrl, request, page, pages);
            return context.RespondJsonAsync(200, JsonSerializer.Serialize(new Dictionary<string, object> { [property] = items }));
        };
}
