using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// The provider states of the Accengage consumer contract, read by pattern so that a state names its own data
/// ("campaign 91 exists", "alarm 12345 (external ID my-alarm) exists", "static list 9000 does not exist"). Each
/// applies to the demo app (<see cref="AccengageSandboxOptions.DemoPartnerId"/>) unless it names another, and lasts
/// until the verifier's teardown resets the simulator.
/// </summary>
/// <remarks>
/// The contract's requests carry example signatures (over an example key, at a 2017 time) and an example token the
/// sandbox never issued. Every state therefore makes the simulator accept well-formed signed headers and unknown
/// bearer tokens, as ENGAGE's states do for tokens; the states about refused credentials then take that back in the
/// way they describe. Outside a state, signatures and tokens are checked normally.
/// </remarks>
internal static partial class AccengageProviderStates
{
    private const string App = AccengageSandboxOptions.DemoPartnerId;

    private const string ResourceKinds = "campaign|message|in-app message|in-app|inapp|alarm|inbox message|inbox|geofence|beacon|geogroup|static list";
    private const string Kinds = ResourceKinds + "|device";

    private static readonly (Regex Pattern, Action<AccengageSimulator, Match> Apply)[] States =
    [
        (Exact("the signature of the request is refused"), (s, _) => s.RefuseEverySignature()),
        (Exact("the access token is invalid"), (s, _) => s.TreatUnknownTokensAs(AccessTokenState.Unknown)),
        (Exact("the access token has expired"), (s, _) => s.TreatUnknownTokensAs(AccessTokenState.Expired)),
        (Exact("the database is failing"), (s, _) => s.FailDatabase()),
        (Pattern(@"the user has no rights on the (?<family>\S+)"), (s, m) => s.Forbid(m.Groups["family"].Value)),
        (Pattern(@"the user (?<email>\S+@\S+) has generated an API key"), (s, m) => s.AddUser(m.Groups["email"].Value)),
        (Pattern(@"no user has the e-mail (?<email>\S+@\S+)"), (s, m) => s.RemoveUser(m.Groups["email"].Value)),
        (Exact("the app exists"), (s, _) => s.Change(App, _ => { })),
        (Exact("the devices exist"), (s, _) => s.Change(App, a => EnsureAll(a, $"device {AccengageDemoAccount.DeviceUdid} and device {SecondDevice}"))),
        (Pattern(@"the app has the states? (?<names>.+)"), (s, m) => s.Change(App, a => a.States.UnionWith(Names(m)))),
        (Pattern(@"the app has the in-app templates? (?<names>.+)"), (s, m) => s.Change(App, a => a.InAppTemplates.UnionWith(Names(m)))),
        (Exact("the app has static lists"), (s, _) => s.Change(App, a => Ensure(a, "static list", AccengageDemoAccount.StaticListId.ToString(CultureInfo.InvariantCulture), null))),
        (Pattern(@"the app has no static list (?<id>\d+)"), (s, m) => s.Change(App, a => Remove(a, "static list", Id(m)))),
        (Pattern(@"the app has messages with external IDs (?<prefix>[^.%]+)(\.\.\.|%)?"), (s, m) => s.Change(App, a => EnsureMessagePrefix(a, m.Groups["prefix"].Value))),
        (Pattern(@"the app has (?<pages>\w+) pages of (?<kind>campaigns|messages)"), (s, m) => s.Change(App, a => FillPages(a, m, s.PageSize))),
        (Pattern(@"the app has two pages of devices first opened in the first half of 2014"), (s, _) => s.SetDevicePageSize(2)),
        (Pattern(@"the app has statistics for January 2015"), (s, _) => s.Change(App, a => EnsureRow(a.Stats, "date", "2015-01-01"))),
        (Pattern(@"static list (?<id>\d+) holds a device"), (s, m) => s.Change(App, a => HoldDevice(a, Id(m)))),
        (Pattern(@"message (?<id>\d+) is a scheduled push( excluding (?<days>.+))?"), (s, m) => s.Change(App, a => Schedule(a, Id(m), m.Groups["days"].Value))),
        (Pattern(@"message (?<id>\d+) is a push without a schedule"), (s, m) => s.Change(App, a => Unschedule(a, Id(m)))),
        (Pattern(@"message (?<id>\d+) (?<state>is being sent|has already been sent|was sent and the send failed)"), (s, m) => s.Change(App, a => SendState(a, m))),
        (Pattern(@"(?<kind>campaign|message) (?<id>\d+) (has \w+ pages of clicks.*|was clicked)"), (s, m) => s.Change(App, a => EnsureReport(a, a.Clicks, m))),
        (Pattern(@"(?<kind>campaign|message) (?<id>\d+) was sent( to .*)?"), (s, m) => s.Change(App, a => EnsureReport(a, a.Targets, m))),
        (Pattern(@"message (?<ext>\S+) exists in (?<in>\S+) but not in (?<out>\S+)"), (s, m) => ExistsInOneApp(s, m)),
        (Pattern($@"(?<kind>{ResourceKinds}) (?<id>\d+) does not exist"), (s, m) => s.Change(App, a => Remove(a, m.Groups["kind"].Value, Id(m)))),
        (Pattern(@"(?<things>.+?) exists?(?<suffix> and is (?<active>active|inactive)| for device (?<device>\S+)| and the users have client IDs)?"), (s, m) => s.Change(App, a => EnsureAll(a, m))),
    ];

    private const string SecondDevice = "1A2B3C4D-5E6F-7A8B-9C0D-1E2F3A4B5C6D";

    /// <summary>Applies <paramref name="state"/>; false when no pattern knows it.</summary>
    public static bool Apply(AccengageSimulator simulator, string state)
    {
        foreach (var (pattern, apply) in States)
        {
            var match = pattern.Match(state);
            if (!match.Success)
                continue;
            // "X exists" is the catch-all: it only applies when every thing it names is a known resource.
            if (match.Groups["things"].Success && !Things(match.Groups["things"].Value).All(t => Resource().IsMatch(t)))
                return false;
            simulator.TrustExampleCredentials();
            apply(simulator, match);
            return true;
        }
        return false;
    }

    private static void EnsureAll(AccengageAppData app, Match match)
    {
        var items = EnsureAll(app, match.Groups["things"].Value);
        if (match.Groups["active"].Success)
        {
            foreach (var item in items)
                item["isActive"] = match.Groups["active"].Value == "active";
        }
        if (match.Groups["device"].Success)
            EnsureAll(app, "device " + match.Groups["device"].Value);
    }

    /// <summary>Makes every "kind id" of <paramref name="things"/> (joined by " and ") exist, and returns them.</summary>
    private static List<JsonObject> EnsureAll(AccengageAppData app, string things)
    {
        var items = new List<JsonObject>();
        foreach (var thing in Things(things))
        {
            var match = Resource().Match(thing);
            items.Add(Ensure(app, match.Groups["kind"].Value, match.Groups["ref"].Value, match.Groups["ext"].Success ? match.Groups["ext"].Value : null));
        }
        return items;
    }

    private static string[] Things(string things) => things.Split(" and ");

    /// <summary>Makes the resource exist (as seeded, or with example content), with the external ID given.</summary>
    private static JsonObject Ensure(AccengageAppData app, string kind, string reference, string? externalId)
    {
        if (kind == "device")
            return EnsureDevice(app, reference);
        var store = StoreOf(app, kind);
        JsonObject? item;
        if (reference.StartsWith("ext:", StringComparison.Ordinal))
        {
            externalId = reference["ext:".Length..];
            item = store.FindByExternalId(externalId);
        }
        else
        {
            item = store.Find(long.Parse(reference, CultureInfo.InvariantCulture));
        }

        if (item is null)
        {
            item = Example(kind);
            if (!reference.StartsWith("ext:", StringComparison.Ordinal))
                item[store.IdProperty] = long.Parse(reference, CultureInfo.InvariantCulture);
            var id = store.Add(item);
            if (kind == "static list")
                app.ListDevices.TryAdd(id, AccengageAppData.NewListMembers());
        }
        if (externalId is not null)
            item["externalId"] = externalId;
        return item;
    }

    private static JsonObject EnsureDevice(AccengageAppData app, string udid)
    {
        if (!app.DevicesByUdid.TryGetValue(udid, out var device))
            app.AddDevice(device = new JsonObject { ["UDID"] = udid, ["token"] = "AB5F", ["clientId"] = "123456", ["firstOpen"] = "2014-01-15 08:00:00", ["lastOpen"] = "2014-06-08 12:34:56" });
        return device;
    }

    /// <summary>Makes the app hold between n-1 and n pages of the kind: examples added, or the last ones removed.</summary>
    private static void FillPages(AccengageAppData app, Match match, int pageSize)
    {
        var pages = match.Groups["pages"].Value switch { "one" => 1, "two" => 2, "three" => 3, "four" => 4, var n => int.Parse(n, CultureInfo.InvariantCulture) };
        var kind = match.Groups["kind"].Value.TrimEnd('s');
        var store = StoreOf(app, kind);
        while (store.All.Count() <= (pages - 1) * pageSize)
            store.Add(Example(kind));
        while (store.All.Count() > pages * pageSize)
            store.Remove(AccengageJson.Long(store.All.Last(), "id")!.Value);
    }

    /// <summary>Makes the campaign or message exist with at least one click or target of the example device.</summary>
    private static void EnsureReport(AccengageAppData app, List<JsonObject> rows, Match match)
    {
        var kind = match.Groups["kind"].Value;
        var id = Id(match);
        Ensure(app, kind, id.ToString(CultureInfo.InvariantCulture), null);
        EnsureDevice(app, AccengageDemoAccount.DeviceUdid);
        if (!rows.Any(r => AccengageJson.Long(r, kind + "Id") == id))
            rows.Add(new JsonObject { [kind + "Id"] = id, ["deviceId"] = AccengageDemoAccount.DeviceUdid, ["actionId"] = 1, ["date"] = "2015-01-01 12:34:56" });
    }

    private static void EnsureRow(List<JsonObject> rows, string field, string value)
    {
        if (!rows.Any(r => AccengageJson.Text(r, field) == value))
            rows.Insert(0, new JsonObject { [field] = value });
    }

    private static void Remove(AccengageAppData app, string kind, long id)
    {
        StoreOf(app, kind).Remove(id);
        if (kind == "static list")
            app.ListDevices.Remove(id);
    }

    private static void EnsureMessagePrefix(AccengageAppData app, string prefix)
    {
        if (!app.Messages.All.Any(m => AccengageJson.Text(m, "externalId")?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true))
            app.Messages.Add(Example("message").Also(m => m["externalId"] = prefix + "-01"));
    }

    private static void HoldDevice(AccengageAppData app, long listId)
    {
        Ensure(app, "static list", listId.ToString(CultureInfo.InvariantCulture), null);
        const string udid = "1A2B3C4D-5E6F-7A8B-9C0D-1E2F3A4B5C6D";
        app.ListDevices[listId][udid] = new JsonObject { ["deviceId"] = udid, ["expireAt"] = "2030-12-31T23:59:59.000Z" };
    }

    private static void Unschedule(AccengageAppData app, long messageId)
    {
        Ensure(app, "message", messageId.ToString(CultureInfo.InvariantCulture), null);
        app.Schedules.Remove(messageId);
        app.ScheduleExclusions.Remove(messageId);
    }

    /// <summary>Schedules the message in June 2030; "excluding Mondays and Wednesdays" adds the DAYS exclusion [1,3].</summary>
    private static void Schedule(AccengageAppData app, long messageId, string excludedDays)
    {
        Ensure(app, "message", messageId.ToString(CultureInfo.InvariantCulture), null);
        app.Schedules[messageId] = new JsonObject
        {
            ["nextSendingDate"] = "2030-06-01T10:00:00+02:00",
            ["timezone"] = "Europe/Paris",
            ["startDate"] = "2030-06-01T00:00:00+02:00",
            ["endDate"] = "2030-06-30T23:59:59+02:00",
        };
        app.ScheduleExclusions.Remove(messageId);
        if (excludedDays.Length > 0)
        {
            string[] week = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"];
            var days = excludedDays.Split([", ", " and "], StringSplitOptions.RemoveEmptyEntries).Select(d => Array.IndexOf(week, d.Trim()) + 1);
            app.ScheduleExclusions[messageId] = [new JsonObject { ["type"] = "DAYS", ["days"] = "[" + string.Join(',', days) + "]" }];
        }
    }

    private static void SendState(AccengageAppData app, Match match)
    {
        var id = Id(match);
        Ensure(app, "message", id.ToString(CultureInfo.InvariantCulture), null);
        app.SendStates[id] = match.Groups["state"].Value switch
        {
            "is being sent" => MessageSendState.Sending,
            "has already been sent" => MessageSendState.Sent,
            _ => MessageSendState.Failed,
        };
    }

    private static void ExistsInOneApp(AccengageSimulator simulator, Match match)
    {
        var externalId = match.Groups["ext"].Value;
        simulator.Change(match.Groups["in"].Value, a =>
        {
            if (a.Messages.FindByExternalId(externalId) is null)
                a.Messages.Add(Example("message").Also(m => m["externalId"] = externalId));
        });
        simulator.Change(match.Groups["out"].Value, a =>
        {
            while (a.Messages.FindByExternalId(externalId) is { } message)
                a.Messages.Remove(AccengageJson.Long(message, "id")!.Value);
        });
    }

    private static ResourceStore StoreOf(AccengageAppData app, string kind) => kind switch
    {
        "campaign" => app.Campaigns,
        "message" => app.Messages,
        "in-app message" or "in-app" or "inapp" => app.InApps,
        "alarm" => app.Alarms,
        "inbox message" or "inbox" => app.Inboxes,
        "geofence" => app.Geofences,
        "beacon" => app.Beacons,
        "geogroup" => app.Geogroups,
        _ => app.StaticLists,
    };

    /// <summary>Example content of a resource a state needs and the app's initial data lacks, in the contract's example shapes.</summary>
    private static JsonObject Example(string kind) => JsonNode.Parse(kind switch
    {
        "campaign" => """{"name":"Summer sales","startDate":"2030-06-01T00:00:00+02:00","endDate":"2030-06-30T23:59:59+02:00"}""",
        "message" => """{"externalId":"PushCampaign2017-01","campaignId":91,"messages":[{"title":"Summer sales","text":"Up to 50% off this week","buttons":[{"action":"browser"},{"action":"close"}]}]}""",
        "in-app message" or "in-app" or "inapp" => """{"name":"Welcome banner","isActive":true,"triggers":{"displayCapping":1,"priority":3},"segments":{},"messages":[{"template":{"templateValue":"popup_default"}}]}""",
        "alarm" => """{"name":"My Alarm","isActive":false,"messages":[{"title":"My message title","text":"Here you go"}],"segments":{}}""",
        "inbox message" or "inbox" => """{"name":"Spring newsletter","messages":[{"content":{"title":"Spring is here"}}]}""",
        "geofence" => """{"info":{"name":"Paris store"}}""",
        "beacon" => """{"info":{"name":"Entrance"}}""",
        "geogroup" => """{"name":"Paris stores","beacons":[],"geofences":[]}""",
        _ => """{"name":"My list","externalId":"myExternalId"}""",
    })!.AsObject();

    private static long Id(Match match) => long.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture);

    private static IEnumerable<string> Names(Match match)
        => match.Groups["names"].Value.Split([", ", " and ", ","], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Regex Exact(string state) => new("^" + Regex.Escape(state) + "$", RegexOptions.CultureInvariant);

    private static Regex Pattern(string pattern) => new("^" + pattern + "$", RegexOptions.CultureInvariant);

    private static T Also<T>(this T value, Action<T> change)
    {
        change(value);
        return value;
    }

    /// <summary>One resource a state names: kind, ID (or <c>ext:</c> external ID) and an optional "(external ID ...)".</summary>
    [GeneratedRegex(@"^(?<kind>" + Kinds + @") (?<ref>ext:\S+|\d+|[0-9A-Fa-f]{8}-[0-9A-Fa-f-]+)( \(external ID (?<ext>[^)]+)\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Resource();
}
