using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Contracts.Core.Http;

namespace Contracts.Core.Paging;

/// <summary>
/// Reads every page of a generated JSON list operation through the client's one send path, under
/// <see cref="OperationPager"/>'s rules (same origin and path, no loop, a page cap), and yields each page's items: a page is
/// requested only when the reader gets to it.
/// </summary>
public static class JsonListPager
{
    /// <summary>
    /// Enumerates the items of every page from <paramref name="startPage"/> on. The next page is the answer's
    /// <c>Link</c> header, else the link its body carries. A page without its item list is an unreadable answer that
    /// carries the body, never an empty page; only an empty body, when the operation reads one
    /// (<see cref="AnswerReading.EmptyBody"/>, the contract's <c>x-lenient: [empty-body]</c>), is an empty page.
    /// </summary>
    /// <typeparam name="TPage">The answer of one page.</typeparam>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="sender">The client's send path.</param>
    /// <param name="describe">Describes the operation for a page number; null for the operation's default (page 1).</param>
    /// <param name="answer">How a page is read.</param>
    /// <param name="itemsOf">The items of a page; null when the page has no item list.</param>
    /// <param name="nextLinkInBody">The next page's URL as the page's body gives it, or null.</param>
    /// <param name="vendor">The vendor's name, for the error of an unreadable page.</param>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="maxPages">The most pages read; one more is a <see cref="PagingException"/>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <param name="itemsName">The item list's name in that error (by default the expression of <paramref name="itemsOf"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startPage"/> is under 1.</exception>
    /// <exception cref="VendorHttpException">The vendor refused a page request (as the vendor's own exception; thrown while enumerating).</exception>
    /// <exception cref="UnreadableAnswerException">A page came without its item list (thrown while enumerating).</exception>
    /// <exception cref="PagingException">A next link leaves the page's origin or the operation's path, or points back to a page already read, or the list has more than <paramref name="maxPages"/> pages (thrown while enumerating).</exception>
    public static IAsyncEnumerable<T> ReadAllAsync<TPage, T>(
        OperationSender sender,
        Func<int?, OperationRequest> describe,
        JsonTypeInfo<TPage> answer,
        Func<TPage, IEnumerable<T>?> itemsOf,
        Func<TPage, string?> nextLinkInBody,
        string vendor,
        int startPage,
        int maxPages,
        CancellationToken cancellationToken,
        [CallerArgumentExpression(nameof(itemsOf))] string itemsName = "")
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(itemsOf);
        ArgumentNullException.ThrowIfNull(nextLinkInBody);
        return OperationPager.ReadAllAsync(
            describe,
            async (request, token) =>
            {
                using var capture = ResponseCapture.Begin();
                var page = await sender.SendAsync(request, answer, token).ConfigureAwait(false);
                var next = nextLinkInBody(page);
                // The body's link in the Link header's form: used only when the answer has no Link header.
                IReadOnlyList<string>? bodyLinks = string.IsNullOrEmpty(next) ? null : [$"<{next}>; rel=\"next\""];
                if (itemsOf(page) is { } items)
                    return new LinkedPage<T>(items.ToAsyncEnumerable(), bodyLinks, null);
                if (request.Reading.HasFlag(AnswerReading.EmptyBody) && string.IsNullOrWhiteSpace(capture.Body))
                    return new LinkedPage<T>(AsyncEnumerable.Empty<T>(), bodyLinks, null);
                throw new UnreadableAnswerException(vendor, typeof(TPage).Name, $"the page has no item list ({itemsName[(itemsName.LastIndexOf('.') + 1)..]})", capture);
            },
            startPage,
            maxPages,
            cancellationToken);
    }
}
