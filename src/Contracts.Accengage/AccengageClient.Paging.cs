using System.Net;
using System.Runtime.CompilerServices;
using Contracts.Core;
using Contracts.Core.Http;
using System.Text;
using System.Text.RegularExpressions;
using Contracts.Core.Paging;

namespace Contracts.Accengage;

public partial class AccengageClient
{
    /// <summary>
    /// Set only on a one-page view of this client (<see cref="ForPage"/>): the page to request instead of the
    /// operation's own URL, and what the answer said about the next page.
    /// </summary>
    private PageRequest? _page;

    /// <summary>Campaigns of the app (<see cref="AccengageClientOptions.PartnerId"/>), by ascending ID, every page from <paramref name="startPage"/> on.</summary>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="cancellationToken">Stops the enumeration; a page is requested only when the reader gets to it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startPage"/> is under 1.</exception>
    /// <exception cref="AccengageException">Accengage refused a page request (thrown while enumerating).</exception>
    /// <exception cref="UnreadableAnswerException">A page came without its item list (thrown while enumerating).</exception>
    public IAsyncEnumerable<Campaign> EnumerateCampaignsAsync(int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate((client, page, token) => client.ListCampaignsAsync(_options.PartnerId, page, token), p => p.Campaigns, startPage, cancellationToken);

    /// <summary>Devices that reacted to a campaign, every page from <paramref name="startPage"/> on.</summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="startDate">Clicks from this date on (<c>YYYY-MM-DD</c> or <c>YYYY-MM-DD hh:mm:ss</c>), or null.</param>
    /// <param name="endDate">Clicks up to this date, or null.</param>
    /// <param name="data">Custom device fields to add to each click's <c>data</c>, or null.</param>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <inheritdoc cref="EnumerateCampaignsAsync" path="/exception"/>
    public IAsyncEnumerable<Click> EnumerateCampaignClicksAsync(long campaignId, string? startDate = null, string? endDate = null, IEnumerable<string>? data = null, int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate((client, page, token) => client.ListCampaignClicksAsync(_options.PartnerId, campaignId, page, startDate, endDate, data, token), p => p.Clicks, startPage, cancellationToken);

    /// <summary>Devices targeted by a campaign (kept 3 months after sending), every page from <paramref name="startPage"/> on.</summary>
    /// <inheritdoc cref="EnumerateCampaignClicksAsync" path="/param"/>
    /// <inheritdoc cref="EnumerateCampaignsAsync" path="/exception"/>
    public IAsyncEnumerable<TargetedDevice> EnumerateCampaignTargetsAsync(long campaignId, string? startDate = null, string? endDate = null, IEnumerable<string>? data = null, int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate((client, page, token) => client.ListCampaignTargetsAsync(_options.PartnerId, campaignId, page, startDate, endDate, data, token), p => p.Targets, startPage, cancellationToken);

    /// <summary>Push messages of the app, every page from <paramref name="startPage"/> on.</summary>
    /// <param name="externalId">External ID filter (<c>%</c> matches any characters), or null.</param>
    /// <param name="title">Title filter (<c>%</c> matches any characters), or null.</param>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <inheritdoc cref="EnumerateCampaignsAsync" path="/exception"/>
    public IAsyncEnumerable<Message> EnumerateMessagesAsync(string? externalId = null, string? title = null, int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate((client, page, token) => client.ListMessagesAsync(_options.PartnerId, page, externalId, title, token), p => p.Messages, startPage, cancellationToken);

    /// <summary>Possible actions of a message, every page from <paramref name="startPage"/> on.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <inheritdoc cref="EnumerateCampaignsAsync" path="/exception"/>
    public IAsyncEnumerable<MessageAction> EnumerateMessageActionsAsync(long messageId, int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate((client, page, token) => client.ListMessageActionsAsync(_options.PartnerId, messageId, page, token), p => p.Actions, startPage, cancellationToken);

    /// <summary>Devices that reacted to a message, every page from <paramref name="startPage"/> on.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="startDate">Clicks from this date on (<c>YYYY-MM-DD</c> or <c>YYYY-MM-DD hh:mm:ss</c>), or null.</param>
    /// <param name="endDate">Clicks up to this date, or null.</param>
    /// <param name="data">Custom device fields to add to each click's <c>data</c>, or null.</param>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <inheritdoc cref="EnumerateCampaignsAsync" path="/exception"/>
    public IAsyncEnumerable<Click> EnumerateMessageClicksAsync(long messageId, string? startDate = null, string? endDate = null, IEnumerable<string>? data = null, int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate((client, page, token) => client.ListMessageClicksAsync(_options.PartnerId, messageId, page, startDate, endDate, data, token), p => p.Clicks, startPage, cancellationToken);

    /// <summary>Devices targeted by a message (kept 3 months after sending), every page from <paramref name="startPage"/> on.</summary>
    /// <inheritdoc cref="EnumerateMessageClicksAsync" path="/param"/>
    /// <inheritdoc cref="EnumerateCampaignsAsync" path="/exception"/>
    public IAsyncEnumerable<TargetedDevice> EnumerateMessageTargetsAsync(long messageId, string? startDate = null, string? endDate = null, IEnumerable<string>? data = null, int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate((client, page, token) => client.ListMessageTargetsAsync(_options.PartnerId, messageId, page, startDate, endDate, data, token), p => p.Targets, startPage, cancellationToken);

    /// <summary>
    /// Devices of the app from the CSV device list (10,000 per page, about 1 MiB), a page at a time: each page is
    /// read whole within the call's Timeout and MaxResponseBytes, then its rows are handed out one by one.
    /// </summary>
    /// <param name="fields">Columns to return (e.g. <c>UDID</c>, <c>IDFA</c>), or null for the app's device fields.</param>
    /// <param name="firstOpen">A date (devices first opened from then on) or a range <c>leftDate|rightDate</c>, or null.</param>
    /// <param name="lastOpen">A date (devices last opened from then on), or null.</param>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <inheritdoc cref="EnumerateCampaignsAsync" path="/exception"/>
    public IAsyncEnumerable<DeviceRow> EnumerateDevicesAsync(IEnumerable<string>? fields = null, string? firstOpen = null, string? lastOpen = null, int startPage = 1, CancellationToken cancellationToken = default)
    {
        var columns = fields?.ToList();
        return EnumerateStreamed(
            async (client, page, token) => DeviceCsvReader.ReadAsync(await client.ListDevicesAsync(_options.PartnerId, columns, firstOpen, lastOpen, page, token).ConfigureAwait(false), columns, token),
            startPage,
            cancellationToken);
    }

    /// <summary>Static lists of the app, by ascending ID, every page from <paramref name="startPage"/> on.</summary>
    /// <inheritdoc cref="EnumerateCampaignsAsync"/>
    public IAsyncEnumerable<StaticList> EnumerateStaticListsAsync(int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate((client, page, token) => client.ListStaticListsAsync(_options.PartnerId, page, token), p => p.Lists, startPage, cancellationToken);

    /// <summary>
    /// Devices of a static list, every page from <paramref name="startPage"/> on; nothing when the list does not
    /// exist (Accengage answers 200 with no content).
    /// </summary>
    /// <param name="listId">The static list.</param>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <inheritdoc cref="EnumerateCampaignsAsync" path="/exception"/>
    public IAsyncEnumerable<StaticListDevice> EnumerateStaticListDevicesAsync(long listId, int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate((client, page, token) => client.ListStaticListDevicesAsync(_options.PartnerId, listId, page, token), p => p.Devices, startPage, cancellationToken, emptyBodyIsEmptyPage: true);

    /// <summary>
    /// Daily statistics by ascending date (days without data are absent), every page from <paramref name="startPage"/>
    /// on. With <paramref name="startDate"/>: from that day to <paramref name="endDate"/> (or today); else with
    /// <paramref name="date"/>: that day; else every day (which may time out on a large app).
    /// </summary>
    /// <param name="date">A single day, or null.</param>
    /// <param name="startDate">First day, or null.</param>
    /// <param name="endDate">Last day, or null.</param>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <inheritdoc cref="EnumerateCampaignsAsync" path="/exception"/>
    public IAsyncEnumerable<Stat> EnumerateStatsAsync(DateTimeOffset? date = null, DateTimeOffset? startDate = null, DateTimeOffset? endDate = null, int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate((client, page, token) => client.ListStatsAsync(_options.PartnerId, page, date, startDate, endDate, token), p => p.Stats, startPage, cancellationToken);

    /// <summary>Geofences of the app, every page from <paramref name="startPage"/> on.</summary>
    /// <inheritdoc cref="EnumerateCampaignsAsync"/>
    public IAsyncEnumerable<Geofence> EnumerateGeofencesAsync(int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate((client, page, token) => client.ListGeofencesAsync(_options.PartnerId, page, token), p => p.Geofences, startPage, cancellationToken);

    /// <summary>Beacons of the app, every page from <paramref name="startPage"/> on.</summary>
    /// <inheritdoc cref="EnumerateCampaignsAsync"/>
    public IAsyncEnumerable<Beacon> EnumerateBeaconsAsync(int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate((client, page, token) => client.ListBeaconsAsync(_options.PartnerId, page, token), p => p.Beacons, startPage, cancellationToken);

    /// <summary>Groups of geolocations of the app, every page from <paramref name="startPage"/> on.</summary>
    /// <inheritdoc cref="EnumerateCampaignsAsync"/>
    public IAsyncEnumerable<Geogroup> EnumerateGeogroupsAsync(int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate((client, page, token) => client.ListGeogroupsAsync(_options.PartnerId, page, token), p => p.Geogroups, startPage, cancellationToken);

    /// <summary>In-app messages of the app, every page from <paramref name="startPage"/> on.</summary>
    /// <inheritdoc cref="EnumerateCampaignsAsync"/>
    public IAsyncEnumerable<InApp> EnumerateInAppsAsync(int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate((client, page, token) => client.ListInAppsAsync(_options.PartnerId, page, token), p => p.Inapps, startPage, cancellationToken);

    /// <summary>Scheduled alarms of the app, every page from <paramref name="startPage"/> on.</summary>
    /// <inheritdoc cref="EnumerateCampaignsAsync"/>
    public IAsyncEnumerable<Alarm> EnumerateAlarmsAsync(int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate((client, page, token) => client.ListAlarmsAsync(_options.PartnerId, page, token), p => p.Alarms, startPage, cancellationToken);

    /// <summary>
    /// Pages of a JSON list: the generated operation reads each page, whose items come from <paramref name="itemsOf"/>.
    /// The item list's name is inferred (the document prints no list answer), so a page without it is an
    /// <see cref="UnreadableAnswerException"/> carrying the body, never an empty page; only the documented empty
    /// answer (<paramref name="emptyBodyIsEmptyPage"/>: 200 with no content) is an empty page.
    /// </summary>
    private IAsyncEnumerable<T> Enumerate<TPage, T>(
        Func<AccengageClient, int?, CancellationToken, Task<TPage>> readPage,
        Func<TPage, IEnumerable<T>?> itemsOf,
        int startPage,
        CancellationToken cancellationToken,
        bool emptyBodyIsEmptyPage = false,
        [CallerArgumentExpression(nameof(itemsOf))] string listName = "")
        => EnumerateStreamed(
            async (client, page, token) =>
            {
                using var capture = ResponseCapture.Begin();
                var answer = await readPage(client, page, token).ConfigureAwait(false);
                if (answer is IPagedAnswer paged)
                    client._page?.BodyLinks = paged.Links ?? paged.Link;
                if (itemsOf(answer) is { } items)
                    return items.ToAsyncEnumerable();
                if (emptyBodyIsEmptyPage && string.IsNullOrWhiteSpace(capture.Body))
                    return AsyncEnumerable.Empty<T>();
                throw new UnreadableAnswerException(AccengageException.VendorName, typeof(TPage).Name, $"the page has no item list ({listName[(listName.LastIndexOf('.') + 1)..]})", capture);
            },
            startPage,
            cancellationToken);

    /// <summary>
    /// Pages of any list, through <see cref="LinkHeaderPager"/>: the first page is the operation's own URL with
    /// <paramref name="startPage"/>; each next page is requested at exactly the URL of the previous answer's
    /// <c>Link: &lt;...&gt;; rel="next"</c>, through the same generated operation so that errors and bodies are read
    /// as the contract says.
    /// </summary>
    private IAsyncEnumerable<T> EnumerateStreamed<T>(
        Func<AccengageClient, int?, CancellationToken, Task<IAsyncEnumerable<T>>> readPage,
        int startPage,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startPage, 1);
        return LinkHeaderPager.ReadAllAsync<T>(
            async (next, token) =>
            {
                var page = new PageRequest(next);
                // Page 1 is the operation's default: the first request carries no page parameter, as in the document's examples.
                var items = await readPage(ForPage(page), next is null && startPage > 1 ? startPage : null, token).ConfigureAwait(false);
                return new LinkedPage<T>(items, page.LinkHeader ?? page.BodyLinksAsHeader(), page.RequestUri);
            },
            cancellationToken,
            _options.MaxPages);
    }

    /// <summary>A view of this client, over the same HttpClient, that requests <paramref name="page"/> and records its paging links.</summary>
    private AccengageClient ForPage(PageRequest page) => new(_httpClient) { _page = page };

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder)
    {
        if (_page?.Url is { } url)
            urlBuilder.Clear().Append(url.AbsoluteUri);
    }

    partial void ProcessResponse(HttpClient client, HttpResponseMessage response)
    {
        if (_page is { } page)
        {
            page.LinkHeader = response.Headers.TryGetValues(LinkHeaderPager.HeaderName, out var links) ? links.ToList() : null;
            page.RequestUri = response.RequestMessage?.RequestUri;
        }
        if (response.StatusCode == HttpStatusCode.OK && IsStaticListDevicesRead(response.RequestMessage))
            response.Content = new EmptyBodyAsEmptyObjectContent(response.Content);
    }

    private static bool IsStaticListDevicesRead(HttpRequestMessage? request)
        => request is { RequestUri: { IsAbsoluteUri: true } uri } && request.Method == HttpMethod.Get && StaticListDevicesPath().IsMatch(uri.AbsolutePath);

    [GeneratedRegex("/v1/me/apps/[^/]+/lists/[^/]+/?$", RegexOptions.CultureInvariant)]
    private static partial Regex StaticListDevicesPath();

    /// <summary>One page request of a paged enumeration and what its answer said about paging.</summary>
    /// <param name="url">The exact URL to request (a previous page's next link), or null for the operation's own URL.</param>
    private sealed class PageRequest(Uri? url)
    {
        public Uri? Url { get; } = url;

        public IReadOnlyList<string>? LinkHeader { get; set; }

        public Uri? RequestUri { get; set; }

        /// <summary>The paging links of the answer's body, if it had any.</summary>
        public PagingLinks? BodyLinks { get; set; }

        /// <summary>The body's links in the form of a <c>Link</c> header, for an answer that had no header.</summary>
        public IReadOnlyList<string>? BodyLinksAsHeader()
        {
            if (BodyLinks is not { } links)
                return null;
            var entries = new List<string>(3);
            if (!string.IsNullOrEmpty(links.First))
                entries.Add($"<{links.First}>; rel=\"first\"");
            if (!string.IsNullOrEmpty(links.Prev))
                entries.Add($"<{links.Prev}>; rel=\"prev\"");
            if (!string.IsNullOrEmpty(links.Next))
                entries.Add($"<{links.Next}>; rel=\"next\"");
            return entries.Count == 0 ? null : [string.Join(", ", entries)];
        }
    }
}
