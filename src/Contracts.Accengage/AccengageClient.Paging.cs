using System.Runtime.CompilerServices;
using Contracts.Core.Http;
using Contracts.Core.Paging;

namespace Contracts.Accengage;

// The Enumerate...Async methods of the JSON list operations are generated from the contract's x-paged
// (build/templates/Client.Paging.liquid) over Enumerate below; the CSV device list is read here, since its page is a
// CSV file whose columns the request chooses, not a JSON answer with an item list.
public partial class AccengageClient
{
    /// <summary>
    /// Devices of the app from the CSV device list (10,000 per page, about 1 MiB), a page at a time: each page is
    /// read whole within the call's Timeout and MaxResponseBytes, then its rows are handed out one by one.
    /// </summary>
    /// <param name="fields">Columns to return (e.g. <c>UDID</c>, <c>IDFA</c>), or null for the app's device fields.</param>
    /// <param name="firstOpen">A date (devices first opened from then on) or a range <c>leftDate|rightDate</c>, or null.</param>
    /// <param name="lastOpen">A date (devices last opened from then on), or null.</param>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startPage"/> is under 1.</exception>
    /// <exception cref="AccengageException">Accengage refused a page request (thrown while enumerating).</exception>
    public IAsyncEnumerable<DeviceRow> EnumerateDevicesAsync(IEnumerable<string>? fields = null, string? firstOpen = null, string? lastOpen = null, int startPage = 1, CancellationToken cancellationToken = default)
    {
        var columns = fields?.ToList();
        return OperationPager.ReadAllAsync(
            page => ListDevicesRequest(_options.PartnerId, columns, firstOpen, lastOpen, page),
            async (request, token) =>
            {
                var answer = await _sender.SendForAnswerAsync(request, token).ConfigureAwait(false);
                var stream = await answer.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                return new LinkedPage<DeviceRow>(DeviceCsvReader.ReadAsync(new FileResponse((int)answer.StatusCode, OperationSender.HeadersOf(answer), stream, null, answer), columns, token), null, null);
            },
            startPage,
            _options.MaxPages,
            cancellationToken);
    }

    /// <summary>
    /// Reads every page of a JSON list operation of this app as <typeparamref name="TPage"/> and yields its items; the
    /// next page is the Link header, else the <c>links</c> (or <c>link</c>) of the page's body.
    /// </summary>
    private IAsyncEnumerable<T> Enumerate<TPage, T>(
        Func<int?, OperationRequest> describe,
        Func<TPage, IEnumerable<T>?> itemsOf,
        Func<TPage, PagingLinks?> linksOf,
        int startPage,
        CancellationToken cancellationToken,
        [CallerArgumentExpression(nameof(itemsOf))] string itemsName = "")
        => JsonListPager.ReadAllAsync(_sender, describe, Json_.Info<TPage>(), itemsOf, page => linksOf(page)?.Next, AccengageException.VendorName, startPage, _options.MaxPages, cancellationToken, itemsName);
}
