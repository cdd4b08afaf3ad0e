using System.Runtime.CompilerServices;
using Contracts.Core;
using Contracts.Core.Http;
using System.Text.Json.Serialization.Metadata;
using Contracts.Core.Paging;

namespace Contracts.Accengage;

public partial class AccengageClient
{
    /// <summary>Campaigns of the app (<see cref="AccengageClientOptions.PartnerId"/>), by ascending ID, every page from <paramref name="startPage"/> on.</summary>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="cancellationToken">Stops the enumeration; a page is requested only when the reader gets to it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startPage"/> is under 1.</exception>
    /// <exception cref="AccengageException">Accengage refused a page request (thrown while enumerating).</exception>
    /// <exception cref="UnreadableAnswerException">A page came without its item list (thrown while enumerating).</exception>
    public IAsyncEnumerable<Campaign> EnumerateCampaignsAsync(int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate(page => ListCampaignsRequest(_options.PartnerId, page), Json_.Info<CampaignList>(), p => p.Campaigns, startPage, cancellationToken);

    /// <summary>Devices that reacted to a campaign, every page from <paramref name="startPage"/> on.</summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="startDate">Clicks from this date on (<c>YYYY-MM-DD</c> or <c>YYYY-MM-DD hh:mm:ss</c>), or null.</param>
    /// <param name="endDate">Clicks up to this date, or null.</param>
    /// <param name="data">Custom device fields to add to each click's <c>data</c>, or null.</param>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <inheritdoc cref="EnumerateCampaignsAsync" path="/exception"/>
    public IAsyncEnumerable<Click> EnumerateCampaignClicksAsync(long campaignId, string? startDate = null, string? endDate = null, IEnumerable<string>? data = null, int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate(page => ListCampaignClicksRequest(_options.PartnerId, campaignId, page, startDate, endDate, data), Json_.Info<ClickList>(), p => p.Clicks, startPage, cancellationToken);

    /// <summary>Devices targeted by a campaign (kept 3 months after sending), every page from <paramref name="startPage"/> on.</summary>
    /// <inheritdoc cref="EnumerateCampaignClicksAsync" path="/param"/>
    /// <inheritdoc cref="EnumerateCampaignsAsync" path="/exception"/>
    public IAsyncEnumerable<TargetedDevice> EnumerateCampaignTargetsAsync(long campaignId, string? startDate = null, string? endDate = null, IEnumerable<string>? data = null, int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate(page => ListCampaignTargetsRequest(_options.PartnerId, campaignId, page, startDate, endDate, data), Json_.Info<TargetedDeviceList>(), p => p.Targets, startPage, cancellationToken);

    /// <summary>Push messages of the app, every page from <paramref name="startPage"/> on.</summary>
    /// <param name="externalId">External ID filter (<c>%</c> matches any characters), or null.</param>
    /// <param name="title">Title filter (<c>%</c> matches any characters), or null.</param>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <inheritdoc cref="EnumerateCampaignsAsync" path="/exception"/>
    public IAsyncEnumerable<Message> EnumerateMessagesAsync(string? externalId = null, string? title = null, int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate(page => ListMessagesRequest(_options.PartnerId, page, externalId, title), Json_.Info<MessageList>(), p => p.Messages, startPage, cancellationToken);

    /// <summary>Possible actions of a message, every page from <paramref name="startPage"/> on.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <inheritdoc cref="EnumerateCampaignsAsync" path="/exception"/>
    public IAsyncEnumerable<MessageAction> EnumerateMessageActionsAsync(long messageId, int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate(page => ListMessageActionsRequest(_options.PartnerId, messageId, page), Json_.Info<MessageActionList>(), p => p.Actions, startPage, cancellationToken);

    /// <summary>Devices that reacted to a message, every page from <paramref name="startPage"/> on.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="startDate">Clicks from this date on (<c>YYYY-MM-DD</c> or <c>YYYY-MM-DD hh:mm:ss</c>), or null.</param>
    /// <param name="endDate">Clicks up to this date, or null.</param>
    /// <param name="data">Custom device fields to add to each click's <c>data</c>, or null.</param>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <inheritdoc cref="EnumerateCampaignsAsync" path="/exception"/>
    public IAsyncEnumerable<Click> EnumerateMessageClicksAsync(long messageId, string? startDate = null, string? endDate = null, IEnumerable<string>? data = null, int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate(page => ListMessageClicksRequest(_options.PartnerId, messageId, page, startDate, endDate, data), Json_.Info<ClickList>(), p => p.Clicks, startPage, cancellationToken);

    /// <summary>Devices targeted by a message (kept 3 months after sending), every page from <paramref name="startPage"/> on.</summary>
    /// <inheritdoc cref="EnumerateMessageClicksAsync" path="/param"/>
    /// <inheritdoc cref="EnumerateCampaignsAsync" path="/exception"/>
    public IAsyncEnumerable<TargetedDevice> EnumerateMessageTargetsAsync(long messageId, string? startDate = null, string? endDate = null, IEnumerable<string>? data = null, int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate(page => ListMessageTargetsRequest(_options.PartnerId, messageId, page, startDate, endDate, data), Json_.Info<TargetedDeviceList>(), p => p.Targets, startPage, cancellationToken);

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

    /// <summary>Static lists of the app, by ascending ID, every page from <paramref name="startPage"/> on.</summary>
    /// <inheritdoc cref="EnumerateCampaignsAsync"/>
    public IAsyncEnumerable<StaticList> EnumerateStaticListsAsync(int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate(page => ListStaticListsRequest(_options.PartnerId, page), Json_.Info<StaticListList>(), p => p.Lists, startPage, cancellationToken);

    /// <summary>
    /// Devices of a static list, every page from <paramref name="startPage"/> on; nothing when the list does not
    /// exist (Accengage answers 200 with no content).
    /// </summary>
    /// <param name="listId">The static list.</param>
    /// <param name="startPage">First page to read (1 is the first page).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <inheritdoc cref="EnumerateCampaignsAsync" path="/exception"/>
    public IAsyncEnumerable<StaticListDevice> EnumerateStaticListDevicesAsync(long listId, int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate(page => ListStaticListDevicesRequest(_options.PartnerId, listId, page), Json_.Info<StaticListDeviceList>(), p => p.Devices, startPage, cancellationToken, emptyBodyIsEmptyPage: true);

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
        => Enumerate(page => ListStatsRequest(_options.PartnerId, page, date, startDate, endDate), Json_.Info<StatList>(), p => p.Stats, startPage, cancellationToken);

    /// <summary>Geofences of the app, every page from <paramref name="startPage"/> on.</summary>
    /// <inheritdoc cref="EnumerateCampaignsAsync"/>
    public IAsyncEnumerable<Geofence> EnumerateGeofencesAsync(int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate(page => ListGeofencesRequest(_options.PartnerId, page), Json_.Info<GeofenceList>(), p => p.Geofences, startPage, cancellationToken);

    /// <summary>Beacons of the app, every page from <paramref name="startPage"/> on.</summary>
    /// <inheritdoc cref="EnumerateCampaignsAsync"/>
    public IAsyncEnumerable<Beacon> EnumerateBeaconsAsync(int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate(page => ListBeaconsRequest(_options.PartnerId, page), Json_.Info<BeaconList>(), p => p.Beacons, startPage, cancellationToken);

    /// <summary>Groups of geolocations of the app, every page from <paramref name="startPage"/> on.</summary>
    /// <inheritdoc cref="EnumerateCampaignsAsync"/>
    public IAsyncEnumerable<Geogroup> EnumerateGeogroupsAsync(int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate(page => ListGeogroupsRequest(_options.PartnerId, page), Json_.Info<GeogroupList>(), p => p.Geogroups, startPage, cancellationToken);

    /// <summary>In-app messages of the app, every page from <paramref name="startPage"/> on.</summary>
    /// <inheritdoc cref="EnumerateCampaignsAsync"/>
    public IAsyncEnumerable<InApp> EnumerateInAppsAsync(int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate(page => ListInAppsRequest(_options.PartnerId, page), Json_.Info<InAppList>(), p => p.Inapps, startPage, cancellationToken);

    /// <summary>Scheduled alarms of the app, every page from <paramref name="startPage"/> on.</summary>
    /// <inheritdoc cref="EnumerateCampaignsAsync"/>
    public IAsyncEnumerable<Alarm> EnumerateAlarmsAsync(int startPage = 1, CancellationToken cancellationToken = default)
        => Enumerate(page => ListAlarmsRequest(_options.PartnerId, page), Json_.Info<AlarmList>(), p => p.Alarms, startPage, cancellationToken);

    /// <summary>Reads every page of a list operation as <typeparamref name="TPage"/> and yields its items.</summary>
    private IAsyncEnumerable<T> Enumerate<TPage, T>(
        Func<int?, OperationRequest> describe,
        JsonTypeInfo<TPage> answer,
        Func<TPage, IEnumerable<T>?> itemsOf,
        int startPage,
        CancellationToken cancellationToken,
        bool emptyBodyIsEmptyPage = false,
        [CallerArgumentExpression(nameof(itemsOf))] string listName = "")
        => OperationPager.ReadAllAsync(
            describe,
            async (request, token) =>
            {
                using var capture = ResponseCapture.Begin();
                var page = await _sender.SendAsync(request, answer, token).ConfigureAwait(false);
                var bodyLinks = page is IPagedAnswer paged ? NextLinkOf(paged.Links ?? paged.Link) : null;
                if (itemsOf(page) is { } items)
                    return new LinkedPage<T>(items.ToAsyncEnumerable(), bodyLinks, null);
                if (emptyBodyIsEmptyPage && string.IsNullOrWhiteSpace(capture.Body))
                    return new LinkedPage<T>(AsyncEnumerable.Empty<T>(), bodyLinks, null);
                throw new UnreadableAnswerException(AccengageException.VendorName, typeof(TPage).Name, $"the page has no item list ({listName[(listName.LastIndexOf('.') + 1)..]})", capture);
            },
            startPage,
            _options.MaxPages,
            cancellationToken);

    /// <summary>The next-page link an answer's body carries, in the Link header's form (used when the answer has no Link header).</summary>
    private static IReadOnlyList<string>? NextLinkOf(PagingLinks? links)
        => string.IsNullOrEmpty(links?.Next) ? null : [$"<{links.Next}>; rel=\"next\""];
}
