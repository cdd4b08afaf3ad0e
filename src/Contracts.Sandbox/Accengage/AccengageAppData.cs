using System.Text.Json.Nodes;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// What one simulated app holds while the sandbox runs: its resources, devices, static lists, schedules and send
/// states, loaded from its <see cref="AccengageSandboxApp"/> and reloaded on reset. Not thread-safe: the simulator
/// serialises access.
/// </summary>
internal sealed class AccengageAppData
{
    public AccengageAppData(AccengageSandboxApp app)
    {
        PartnerId = app.PartnerId;
        LearnDeviceField("UDID");
        Campaigns.Load(app.Campaigns);
        Messages.Load(app.Messages);
        InApps.Load(app.InApps);
        Alarms.Load(app.Alarms);
        Inboxes.Load(app.Inboxes);
        Geofences.Load(app.Geofences);
        Beacons.Load(app.Beacons);
        Geogroups.Load(app.Geogroups);
        StaticLists.Load(app.StaticLists);
        foreach (var (listId, devices) in app.StaticListDevices)
        {
            var members = ListDevices[listId] = NewListMembers();
            foreach (var device in devices)
                members[AccengageJson.Text(device, "deviceId") ?? ""] = Copy(device);
        }
        foreach (var device in app.Devices)
            AddDevice(Copy(device));
        foreach (var field in app.DeviceFields.Order(StringComparer.Ordinal))
            LearnDeviceField(field);
        IndexedDeviceFields.UnionWith(app.IndexedDeviceFields);
        Clicks = app.Clicks.Select(Copy).ToList();
        Targets = app.Targets.Select(Copy).ToList();
        Stats = app.Stats.Select(Copy).ToList();
        States.UnionWith(app.States);
        InAppTemplates.UnionWith(app.InAppTemplates);
        CollapseKeys.UnionWith(app.CollapseKeys);
    }

    public string PartnerId { get; }

    public ResourceStore Campaigns { get; } = new();

    public ResourceStore Messages { get; } = new();

    public ResourceStore InApps { get; } = new();

    public ResourceStore Alarms { get; } = new();

    public ResourceStore Inboxes { get; } = new();

    public ResourceStore Geofences { get; } = new();

    public ResourceStore Beacons { get; } = new();

    public ResourceStore Geogroups { get; } = new();

    public ResourceStore StaticLists { get; } = new("listId");

    /// <summary>Devices of each static list in insertion order (<c>deviceId</c>, <c>expireAt</c>), by UDID.</summary>
    public Dictionary<long, OrderedDictionary<string, JsonObject>> ListDevices { get; } = [];

    public static OrderedDictionary<string, JsonObject> NewListMembers() => new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Devices in insertion order.</summary>
    public List<JsonObject> Devices { get; } = [];

    public Dictionary<string, JsonObject> DevicesByUdid { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The app's device fields, for membership checks.</summary>
    public HashSet<string> DeviceFields { get; } = new(StringComparer.Ordinal);

    /// <summary>The same fields in a stable order (UDID first, then as first seen): the CSV columns when none is requested.</summary>
    public List<string> DeviceColumns { get; } = ["UDID"];

    public HashSet<string> IndexedDeviceFields { get; } = new(StringComparer.Ordinal);

    public List<JsonObject> Clicks { get; }

    public List<JsonObject> Targets { get; }

    public List<JsonObject> Stats { get; }

    public HashSet<string> States { get; } = new(StringComparer.Ordinal);

    public HashSet<string> InAppTemplates { get; } = new(StringComparer.Ordinal);

    public HashSet<string> CollapseKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>The schedule of each scheduled message.</summary>
    public Dictionary<long, JsonObject> Schedules { get; } = [];

    /// <summary>The schedule exclusions of each scheduled message, one per type.</summary>
    public Dictionary<long, List<JsonObject>> ScheduleExclusions { get; } = [];

    /// <summary>Messages sent for real (not as a test), and how that send is going.</summary>
    public Dictionary<long, MessageSendState> SendStates { get; } = [];

    /// <summary>Read and archived dates of inbox messages, by inbox ID and user UDID.</summary>
    public Dictionary<(long InboxId, string Udid), JsonObject> InboxStatuses { get; } = [];

    /// <summary>Adds or replaces a device, by UDID, and learns its fields.</summary>
    public void AddDevice(JsonObject device)
    {
        var udid = AccengageJson.Text(device, "UDID") ?? throw new ArgumentException("A seeded Accengage device needs a UDID.", nameof(device));
        if (DevicesByUdid.TryGetValue(udid, out var existing))
            Devices.Remove(existing);
        Devices.Add(device);
        DevicesByUdid[udid] = device;
        foreach (var (name, _) in device)
            LearnDeviceField(name);
    }

    public void LearnDeviceField(string name)
    {
        if (DeviceFields.Add(name) && name != "UDID")
            DeviceColumns.Add(name);
    }

    /// <summary>The devices whose <paramref name="field"/> equals <paramref name="value"/> (<c>deviceId</c> is the UDID).</summary>
    public IEnumerable<JsonObject> DevicesWhere(string field, string value)
    {
        if (field is "UDID" or "deviceId")
            return DevicesByUdid.TryGetValue(value, out var device) ? [device] : [];
        return Devices.Where(d => AccengageJson.Scalar(d[field]) == value);
    }

    private static JsonObject Copy(JsonObject item) => item.DeepClone().AsObject();
}

/// <summary>Where a real send of a message stands; each answers a second send with its documented label.</summary>
internal enum MessageSendState
{
    /// <summary>API_ERR_MESSAGE_SENDING.</summary>
    Sending,

    /// <summary>API_ERR_MESSAGE_SENT.</summary>
    Sent,

    /// <summary>API_ERR_MESSAGE_FAILED.</summary>
    Failed,
}
