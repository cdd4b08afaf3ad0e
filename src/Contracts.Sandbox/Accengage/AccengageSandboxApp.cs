using System.Text.Json.Nodes;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// One simulated Accengage app and the data it starts with (and returns to on <see cref="VendorSimulator.Reset"/>).
/// Resources are JSON objects in the shapes the contract gives (each with its <c>id</c>, or <c>listId</c> for static
/// lists); fields the contract does not model are kept and returned as they are.
/// </summary>
public sealed class AccengageSandboxApp
{
    /// <summary>Creates an empty app.</summary>
    /// <param name="partnerId">The app's partner ID, as it appears in <c>/v1/me/apps/{partnerId}/...</c>.</param>
    public AccengageSandboxApp(string partnerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnerId);
        PartnerId = partnerId;
    }

    /// <summary>The app's partner ID.</summary>
    public string PartnerId { get; }

    /// <summary>Campaigns (<c>id</c>, <c>name</c>, <c>startDate</c>, <c>endDate</c>).</summary>
    public IList<JsonObject> Campaigns { get; } = [];

    /// <summary>
    /// Push messages (<c>id</c>, <c>externalId</c>, <c>campaignId</c>, <c>messages</c>). A message's actions (the
    /// <c>actions</c> route, the <c>actionId</c> of clicks) are its buttons, numbered from 1.
    /// </summary>
    public IList<JsonObject> Messages { get; } = [];

    /// <summary>In-app messages (<c>id</c>, <c>externalId</c>, <c>isActive</c>, ...).</summary>
    public IList<JsonObject> InApps { get; } = [];

    /// <summary>Scheduled alarms (<c>id</c>, <c>externalId</c>, <c>isActive</c>, ...).</summary>
    public IList<JsonObject> Alarms { get; } = [];

    /// <summary>Inbox messages (<c>id</c>, <c>externalId</c>, ...).</summary>
    public IList<JsonObject> Inboxes { get; } = [];

    /// <summary>Geofences (<c>id</c>, <c>info</c>).</summary>
    public IList<JsonObject> Geofences { get; } = [];

    /// <summary>Beacons (<c>id</c>, <c>info</c>).</summary>
    public IList<JsonObject> Beacons { get; } = [];

    /// <summary>Groups of geolocations (<c>id</c>, <c>name</c>, <c>externalId</c>; members as <c>beacons</c> and <c>geofences</c> ID arrays).</summary>
    public IList<JsonObject> Geogroups { get; } = [];

    /// <summary>Static lists (<c>listId</c>, <c>name</c>, <c>externalId</c>).</summary>
    public IList<JsonObject> StaticLists { get; } = [];

    /// <summary>Devices of each static list, by list ID (<c>deviceId</c>, <c>expireAt</c>).</summary>
    public IDictionary<long, IList<JsonObject>> StaticListDevices { get; } = new Dictionary<long, IList<JsonObject>>();

    /// <summary>Devices (users), flat: <c>UDID</c> and every other device field by name (<c>token</c>, <c>clientId</c>, <c>firstOpen</c>...).</summary>
    public IList<JsonObject> Devices { get; } = [];

    /// <summary>
    /// The app's device fields (the CSV columns when none is requested; the fields updates may set). Fields found on
    /// <see cref="Devices"/> are added to these.
    /// </summary>
    public ISet<string> DeviceFields { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Indexed device fields: the ones searches, instant message targets and matching keys may use.</summary>
    public ISet<string> IndexedDeviceFields { get; } = new HashSet<string>(StringComparer.Ordinal) { "UDID", "token", "clientId" };

    /// <summary>Clicks (read-only): <c>campaignId</c>, <c>messageId</c>, <c>deviceId</c>, <c>actionId</c>, <c>date</c> (<c>YYYY-MM-DD hh:mm:ss</c>).</summary>
    public IList<JsonObject> Clicks { get; } = [];

    /// <summary>Targets (read-only): <c>campaignId</c>, <c>messageId</c>, <c>deviceId</c>, <c>date</c>.</summary>
    public IList<JsonObject> Targets { get; } = [];

    /// <summary>Daily statistics (read-only): <c>date</c> (<c>YYYY-MM-DD</c>) and counters, by ascending date.</summary>
    public IList<JsonObject> Stats { get; } = [];

    /// <summary>App states alarms and in-apps may be triggered by (<c>triggers.states.inclusion[].name</c>).</summary>
    public ISet<string> States { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>In-app templates (<c>templateValue</c> of templates and actions) set up in the dashboard.</summary>
    public ISet<string> InAppTemplates { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Collapse keys a message may name.</summary>
    public ISet<string> CollapseKeys { get; } = new HashSet<string>(StringComparer.Ordinal);
}
