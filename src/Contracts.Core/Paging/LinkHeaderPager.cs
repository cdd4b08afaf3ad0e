using System.Runtime.CompilerServices;

namespace Contracts.Core.Paging;

/// <summary>
/// Reads a paginated list whose answers announce the next page in an RFC 8288 <c>Link</c> header
/// (<c>&lt;https://host/items?page=2&gt;; rel="next"</c>), as one <see cref="IAsyncEnumerable{T}"/>: each page is
/// requested only when the reader gets to it, and the list ends at the first page without a <c>next</c> link.
/// </summary>
/// <remarks>
/// <para>A vendor supplies how to fetch one page: the first one (its own route and filters, from any start page)
/// when the URL is null, and otherwise exactly the URL the previous page's <c>next</c> link names.</para>
/// <para>Also stops at an empty page (vendors return an empty set past the last page, and some announce a
/// <c>next</c> link when resources only may be left), and refuses, with <see cref="PagingException"/>, a <c>next</c>
/// link that leaves the origin of the page that gave it (it would take the caller's credentials elsewhere) or whose
/// page has no absolute URL to check it against, one
/// that points back to a page already read under any spelling (compared without fragment, with the query's
/// parameters in order: it would never end), and a list longer than the page cap.</para>
/// </remarks>
public static class LinkHeaderPager
{
    /// <summary>The HTTP header that carries the links.</summary>
    public const string HeaderName = "Link";

    /// <summary>The default page cap: no documented list comes near it, and a loop the URL check misses still ends.</summary>
    public const int DefaultMaxPages = 10_000;

    /// <summary>Enumerates every item of every page, page after page, following <c>rel="next"</c>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fetchPage">
    /// Fetches one page: the first page when given null, else the page at the given absolute URL. Its items may be
    /// streamed (read as the reader advances); they are read to the end, or disposed if the reader stops early,
    /// before the next page is requested.
    /// </param>
    /// <param name="cancellationToken">Stops the enumeration before the next item or page, with <see cref="OperationCanceledException"/>.</param>
    /// <param name="maxPages">The most pages read; one more is a <see cref="PagingException"/>.</param>
    /// <exception cref="PagingException">A <c>next</c> link leaves the page's origin or points back to a page already read, or the list has more than <paramref name="maxPages"/> pages.</exception>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        Func<Uri?, CancellationToken, Task<LinkedPage<T>>> fetchPage,
        [EnumeratorCancellation] CancellationToken cancellationToken = default,
        int maxPages = DefaultMaxPages)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        var read = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        Uri? next = null;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++pages > maxPages)
                throw new PagingException(PagingStop.PageCap, $"The list has more than {maxPages} pages (the page cap); stopped reading it.");
            var page = await fetchPage(next, cancellationToken).ConfigureAwait(false);
            if (page.RequestUri is { IsAbsoluteUri: true } requested)
                read.Add(Normalise(requested));

            var count = 0;
            await foreach (var item in page.Items.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                // Items already in memory do not look at the token themselves.
                cancellationToken.ThrowIfCancellationRequested();
                count++;
                yield return item;
            }

            next = count == 0 ? null : FindNext(page.LinkHeader, page.RequestUri);
            if (next is null)
                yield break;
            // Without the page's own URL the origin cannot be checked: refuse rather than follow the link blind.
            if (page.RequestUri is not { IsAbsoluteUri: true } from)
                throw new PagingException(PagingStop.OtherOrigin, $"The next page link ({next.GetLeftPart(UriPartial.Authority)}) came with an answer whose URL is unknown, so its origin cannot be checked; refusing to follow it.");
            if (!SameOrigin(from, next))
                throw new PagingException(PagingStop.OtherOrigin, $"The next page link leads to another origin ({next.GetLeftPart(UriPartial.Authority)}) than the page that gave it ({from.GetLeftPart(UriPartial.Authority)}); refusing to follow it.");
            if (!read.Add(Normalise(next)))
                throw new PagingException(PagingStop.Loop, $"The next page link points back to a page already read ({next.AbsolutePath}); refusing to loop.");
        }
        while (true);
    }

    /// <summary>
    /// Returns the target of the first <c>rel="next"</c> link in <paramref name="linkHeaderValues"/> (the values of
    /// every <c>Link</c> header of an answer), resolved against <paramref name="requestUri"/> when relative; null
    /// when there is none.
    /// </summary>
    public static Uri? FindNext(IEnumerable<string>? linkHeaderValues, Uri? requestUri)
    {
        if (linkHeaderValues is null)
            return null;
        foreach (var value in linkHeaderValues)
        {
            foreach (var (target, relations) in Parse(value))
            {
                if (!relations.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("next", StringComparer.OrdinalIgnoreCase))
                    continue;
                if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
                    return absolute;
                if (requestUri is { IsAbsoluteUri: true } && Uri.TryCreate(requestUri, target, out var resolved))
                    return resolved;
                return null;
            }
        }
        return null;
    }

    /// <summary>
    /// Splits one Link header value into its links: target and <c>rel</c> parameter. Parameter values may be
    /// quoted (with backslash escapes) and may hold commas and semicolons; parameters other than <c>rel</c> are skipped.
    /// </summary>
    private static IEnumerable<(string Target, string Relations)> Parse(string value)
    {
        var i = 0;
        while (i < value.Length)
        {
            var open = value.IndexOf('<', i);
            if (open < 0)
                yield break;
            var close = value.IndexOf('>', open + 1);
            if (close < 0)
                yield break;
            var target = value[(open + 1)..close].Trim();
            var relations = "";
            i = close + 1;
            while (i < value.Length)
            {
                SkipSpaces(value, ref i);
                if (i >= value.Length || value[i] == ',')
                {
                    i++;
                    break;
                }
                if (value[i] != ';')
                {
                    // Not a well-formed parameter list: skip to the next link.
                    var comma = value.IndexOf(',', i);
                    i = comma < 0 ? value.Length : comma + 1;
                    break;
                }
                i++;
                var (name, parameterValue) = ReadParameter(value, ref i);
                if (name.Equals("rel", StringComparison.OrdinalIgnoreCase) && relations.Length == 0)
                    relations = parameterValue;
            }
            yield return (target, relations);
        }
    }

    private static (string Name, string Value) ReadParameter(string value, ref int i)
    {
        SkipSpaces(value, ref i);
        var start = i;
        while (i < value.Length && value[i] is not ('=' or ';' or ','))
            i++;
        var name = value[start..i].Trim();
        if (i >= value.Length || value[i] != '=')
            return (name, "");
        i++;
        SkipSpaces(value, ref i);
        if (i < value.Length && value[i] == '"')
        {
            var text = new System.Text.StringBuilder();
            for (i++; i < value.Length && value[i] != '"'; i++)
            {
                if (value[i] == '\\' && i + 1 < value.Length)
                    i++;
                text.Append(value[i]);
            }
            i++;
            return (name, text.ToString());
        }
        start = i;
        while (i < value.Length && value[i] is not (';' or ','))
            i++;
        return (name, value[start..i].Trim());
    }

    private static void SkipSpaces(string value, ref int i)
    {
        while (i < value.Length && value[i] is ' ' or '\t')
            i++;
    }

    /// <summary>
    /// One spelling per page: scheme and host in lower case, the default port made explicit, no fragment, the path
    /// with its escapes decoded where that changes nothing, and the query's parameters sorted (order carries no
    /// meaning for the vendors' paging).
    /// </summary>
    internal static string Normalise(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        var parameters = query.Length == 0
            ? []
            : query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).Order(StringComparer.Ordinal).ToArray();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{uri.Scheme.ToLowerInvariant()}://{uri.IdnHost.ToLowerInvariant()}:{uri.Port}{Uri.UnescapeDataString(uri.AbsolutePath)}?{string.Join('&', parameters)}");
    }

    private static bool SameOrigin(Uri a, Uri b)
        => string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
           && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
           && a.Port == b.Port;
}

/// <summary>One page for <see cref="LinkHeaderPager"/>: its items, the values of its <c>Link</c> headers and the URL it was read from.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The page's items, possibly streamed from the answer's body.</param>
/// <param name="LinkHeader">Every <c>Link</c> header value of the answer; null or empty when it had none.</param>
/// <param name="RequestUri">The absolute URL the page was read from: relative links resolve against it, and a next link must keep its origin (without it, a next link is refused).</param>
public readonly record struct LinkedPage<T>(IAsyncEnumerable<T> Items, IEnumerable<string>? LinkHeader, Uri? RequestUri);
