using Contracts.Core.Http;

namespace Contracts.Core.Paging;

/// <summary>
/// Reads every page of a generated list operation: the first as the operation describes it, each next one the same
/// description re-sent at the link the previous answer gave (<see cref="OperationRequest.At"/>), under
/// <see cref="LinkHeaderPager"/>'s rules (same origin, no loop, a page cap), and one more: a next link stays on the
/// path of the operation's first page (only its query changes, as the vendors' next links do), so that a link to
/// another account's list or another resource on the same host is refused before it is signed and sent.
/// </summary>
public static class OperationPager
{
    /// <summary>Enumerates every item of every page, from <paramref name="startPage"/> on.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="describe">Describes the operation for a page number; null for the operation's default (page 1).</param>
    /// <param name="readPage">
    /// Sends one page's request and gives its items, and the links the vendor put elsewhere than the Link header (its
    /// body, say) in <see cref="LinkedPage{T}.LinkHeader"/>'s form: they are used when the answer has no Link header.
    /// </param>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="maxPages">The most pages read; one more is a <see cref="PagingException"/>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startPage"/> is under 1.</exception>
    public static IAsyncEnumerable<T> ReadAllAsync<T>(
        Func<int?, OperationRequest> describe,
        Func<OperationRequest, CancellationToken, Task<LinkedPage<T>>> readPage,
        int startPage,
        int maxPages,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(describe);
        ArgumentNullException.ThrowIfNull(readPage);
        ArgumentOutOfRangeException.ThrowIfLessThan(startPage, 1);
        string? routePath = null;
        return LinkHeaderPager.ReadAllAsync<T>(
            async (next, token) =>
            {
                // Page 1 is the operation's default: the first request names no page unless a later one is asked for.
                var request = describe(next is null && startPage > 1 ? startPage : null);
                if (next is not null)
                {
                    // LinkHeaderPager follows a link only from a page with a known URL, so the first page's path is known.
                    if (!string.Equals(PathOf(next), routePath, StringComparison.Ordinal))
                        throw new PagingException(PagingStop.OtherRoute, $"The next page link leads to another path ({next.AbsolutePath}) than the operation's own ({routePath}); refusing to follow it.");
                    request.At(next);
                }
                var page = await readPage(request, token).ConfigureAwait(false);
                if (next is null && request.AnsweredUri is { IsAbsoluteUri: true } first)
                    routePath = PathOf(first);
                var linkHeader = request.AnswerHeaders is { } headers && headers.TryGetValues(LinkHeaderPager.HeaderName, out var links) ? links.ToList() : page.LinkHeader;
                return page with { LinkHeader = linkHeader, RequestUri = request.AnsweredUri };
            },
            cancellationToken,
            maxPages);
    }

    /// <summary>
    /// The path of <paramref name="uri"/> as compared: unescaped where the spelling does not matter, but an escaped
    /// '/' (or '?', '#') kept, for it names another segment than a '/' does (<c>apps%2Fx</c> is not <c>apps/x</c>).
    /// </summary>
    private static string PathOf(Uri uri) => uri.GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.SafeUnescaped);
}
