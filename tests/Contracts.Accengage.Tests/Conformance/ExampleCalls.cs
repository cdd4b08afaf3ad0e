using System.Text.Json;
using System.Web;

namespace Contracts.Accengage.Tests.Conformance;

/// <summary>
/// How the client sends each operation a document example names: the arguments come from the example's path (the
/// partner ID, the resource ID or external key, the query) and its request body, read into the operation's model;
/// the result is what the test compares with the example's expectation.
/// </summary>
internal static class ExampleCalls
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<object?> Send(AccengageClient client, DocumentExample example)
    {
        var path = new PrintedPath(example.SentPathAndQuery);
        var p = path.PartnerId;
        return example.Call switch
        {
            "CreateAccessToken" => Result(client.CreateAccessTokenAsync(Body<AccessTokenRequest>(example))),
            "GetMe" => Result(client.GetMeAsync()),
            "ListCampaigns" => Result(client.ListCampaignsAsync(p, path.Page)),
            "CreateCampaign" => Result(client.CreateCampaignAsync(p, Body<Campaign>(example))),
            "GetCampaign" => Result(client.GetCampaignAsync(p, path.Id)),
            "UpdateCampaign" => Done(client.UpdateCampaignAsync(p, path.Id, Body<Campaign>(example))),
            "DeleteCampaign" => Done(client.DeleteCampaignAsync(p, path.Id)),
            "CreateMessage" => Result(client.CreateMessageAsync(p, Body<Message>(example))),
            "GetMessage" => Result(client.GetMessageAsync(p, path.Id)),
            "UpdateMessage" => Done(client.UpdateMessageAsync(p, path.Id, Body<Message>(example))),
            "DeleteMessage" => Done(client.DeleteMessageAsync(p, path.Id)),
            "ListMessageActions" => Result(client.ListMessageActionsAsync(p, path.Id, path.Page)),
            "SendInstantMessage" => Done(client.SendInstantMessageAsync(p, Body<InstantMessage>(example))),
            "SendInstantMessageToApps" => Result(client.SendInstantMessageToAppsAsync(Body<MultiAppInstantMessage>(example))),
            "CreateSchedule" => Done(client.CreateScheduleAsync(p, path.Id, Body<Schedule>(example))),
            "GetSchedule" => Result(client.GetScheduleAsync(p, path.Id)),
            "UpdateSchedule" => Done(client.UpdateScheduleAsync(p, path.Id, Body<Schedule>(example))),
            "DeleteSchedule" => Done(client.DeleteScheduleAsync(p, path.Id)),
            "CreateScheduleExclusion" => Done(client.CreateScheduleExclusionAsync(p, path.Id, Body<ScheduleExclusion>(example))),
            "ListScheduleExclusions" => Result(client.ListScheduleExclusionsAsync(p, path.Id)),
            "DeleteScheduleExclusions" => Done(client.DeleteScheduleExclusionsAsync(p, path.Id)),
            "SendMessage" => Done(client.SendMessageAsync(p, path.Id)),
            "EnumerateDevices" => Rows(client.EnumerateDevicesAsync(path.Values("fields"), path.Value("firstOpen"), path.Value("lastOpen"))),
            "SearchDevice" => Result(client.SearchDeviceAsync(p, path.Query)),
            "UpdateDevice" => Done(client.UpdateDeviceAsync(p, path.Key, Body<Dictionary<string, object>>(example))),
            "UpdateDevices" => Done(client.UpdateDevicesAsync(p, Body<DeviceGroupUpdate>(example))),
            "ListStaticLists" => Result(client.ListStaticListsAsync(p, path.Page)),
            "CreateStaticList" => Result(client.CreateStaticListAsync(p, Body<StaticList>(example))),
            "ListStaticListDevices" => Result(client.ListStaticListDevicesAsync(p, path.Id, path.Page)),
            "EnumerateStaticListDevices" => Items(client.EnumerateStaticListDevicesAsync(path.Id)),
            "UpsertStaticListDevices" => Done(client.UpsertStaticListDevicesAsync(p, path.Id, Body<StaticListUsers>(example))),
            "ListCampaignClicks" => Result(client.ListCampaignClicksAsync(p, path.Id, path.Page, path.Value("startDate"), path.Value("endDate"), path.Values("data"))),
            "ListCampaignTargets" => Result(client.ListCampaignTargetsAsync(p, path.Id, path.Page, path.Value("startDate"), path.Value("endDate"), path.Values("data"))),
            "ListStats" => Result(client.ListStatsAsync(p, path.Page, path.Date("date"))),
            "ListGeofences" => Result(client.ListGeofencesAsync(p, path.Page)),
            "CreateGeofence" => Result(client.CreateGeofenceAsync(p, Body<Geofence>(example))),
            "GetGeofence" => Result(client.GetGeofenceAsync(p, path.Id)),
            "UpdateGeofence" => Done(client.UpdateGeofenceAsync(p, path.Id, Body<Geofence>(example))),
            "ListBeacons" => Result(client.ListBeaconsAsync(p, path.Page)),
            "CreateBeacon" => Result(client.CreateBeaconAsync(p, Body<Beacon>(example))),
            "GetBeacon" => Result(client.GetBeaconAsync(p, path.Id)),
            "UpdateBeacon" => Done(client.UpdateBeaconAsync(p, path.Id, Body<Beacon>(example))),
            "CreateGeogroup" => Result(client.CreateGeogroupAsync(p, Body<Geogroup>(example))),
            "ListGeogroups" => Result(client.ListGeogroupsAsync(p, path.Page)),
            "AddBeaconToGeogroup" => Done(client.AddBeaconToGeogroupAsync(p, path.Key, Body<ObjectTechnicalType>(example))),
            "AddGeofenceToGeogroup" => Done(client.AddGeofenceToGeogroupAsync(p, path.Key, Body<ObjectTechnicalType>(example))),
            "RemoveBeaconFromGeogroup" => Done(client.RemoveBeaconFromGeogroupAsync(p, path.Key, Body<ObjectTechnicalType>(example))),
            "RemoveGeofenceFromGeogroup" => Done(client.RemoveGeofenceFromGeogroupAsync(p, path.Key, Body<ObjectTechnicalType>(example))),
            "GetInApp" => Result(client.GetInAppAsync(p, path.Id)),
            "UpdateInApp" => Done(client.UpdateInAppAsync(p, path.Id, Body<InApp>(example))),
            "CreateAlarm" => Result(client.CreateAlarmAsync(p, Body<Alarm>(example))),
            "UpdateAlarm" => Done(client.UpdateAlarmAsync(p, path.Id, Body<Alarm>(example))),
            "UpdateInbox" => Done(client.UpdateInboxAsync(p, path.Id, Body<Inbox>(example))),
            _ => throw new ArgumentException($"No replay for {example.Call}.", nameof(example)),
        };
    }

    private static T Body<T>(DocumentExample example)
        => (example.Request ?? throw new ArgumentException($"{example} has no request body.", nameof(example))).Deserialize<T>(Json)!;

    private static async Task<object?> Result<T>(Task<T> call) => await call;

    private static async Task<object?> Done(Task call)
    {
        await call;
        return null;
    }

    private static async Task<object?> Items<T>(IAsyncEnumerable<T> items) => await items.ToListAsync();

    private static async Task<object?> Rows(IAsyncEnumerable<DeviceRow> rows) => (await rows.ToListAsync()).Select(r => r.Fields).ToList();

    /// <summary>The parts of a printed path the operations take: /v1/me/apps/{partner}/{collection}/{key}/...?query.</summary>
    private sealed class PrintedPath
    {
        private readonly string[] _segments;
        private readonly List<KeyValuePair<string, string>> _query = [];

        public PrintedPath(string pathAndQuery)
        {
            var parts = pathAndQuery.Split('?', 2);
            _segments = parts[0].Split('/');
            if (parts.Length == 2)
            {
                foreach (var pair in parts[1].Split('&'))
                {
                    var kv = pair.Split('=', 2);
                    _query.Add(new(HttpUtility.UrlDecode(kv[0]), HttpUtility.UrlDecode(kv.ElementAtOrDefault(1) ?? "")));
                }
            }
        }

        public string PartnerId => _segments.ElementAtOrDefault(4) ?? "";

        public string Key => _segments[6];

        public long Id => long.Parse(Key, System.Globalization.CultureInfo.InvariantCulture);

        public int? Page => Value("page") is { } page ? int.Parse(page, System.Globalization.CultureInfo.InvariantCulture) : null;

        public Dictionary<string, string> Query => _query.ToDictionary(kv => kv.Key, kv => kv.Value);

        public string? Value(string name) => _query.Where(kv => kv.Key == name).Select(kv => kv.Value).FirstOrDefault();

        /// <summary>The values of a list parameter, written name[]=a or name[1]=a (the document shows both).</summary>
        public List<string>? Values(string name)
        {
            var values = _query.Where(kv => kv.Key.StartsWith(name + "[", StringComparison.Ordinal)).Select(kv => kv.Value).ToList();
            return values.Count == 0 ? null : values;
        }

        public DateTimeOffset? Date(string name)
            => Value(name) is { } date ? DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal) : null;
    }
}
