using System.Globalization;
using System.Text.Json.Nodes;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// The data the sandbox's demo apps start with: deterministic, built on the document's example values, and large
/// enough that every list has several pages (250 campaigns and messages, 300 devices, 400 days of statistics).
/// </summary>
public static class AccengageDemoAccount
{
    /// <summary>The document's example campaign ("Summer sales").</summary>
    public const long CampaignId = 91;

    /// <summary>The document's example push message (external ID <c>PushCampaign2017-01</c>), with two buttons, so two actions.</summary>
    public const long MessageId = 2157;

    /// <summary>A message to trigger by external ID, present in the demo app only.</summary>
    public const string OrderShippedExternalId = "OrderShipped";

    /// <summary>The document's example scheduled alarm (external ID <c>my-alarm</c>), inactive.</summary>
    public const long AlarmId = 12345;

    /// <summary>The document's example static list ("My list", external ID <c>myExternalId</c>).</summary>
    public const long StaticListId = 1235;

    /// <summary>The document's example device (token <c>AB5F</c>, client ID <c>123456</c>).</summary>
    public const string DeviceUdid = "F31548D3-F93E-498F-8E01-F18CC4EB2F5F";

    /// <summary>Campaigns in the demo app: three pages of 100.</summary>
    public const int CampaignCount = 250;

    /// <summary>Push messages in the demo app: three pages of 100.</summary>
    public const int MessageCount = 250;

    /// <summary>Devices in the demo app.</summary>
    public const int DeviceCount = 300;

    private const long FirstMessageId = 2101;

    /// <summary>The demo app, <see cref="AccengageSandboxOptions.DemoPartnerId"/>.</summary>
    public static AccengageSandboxApp DemoApp()
    {
        var app = new AccengageSandboxApp(AccengageSandboxOptions.DemoPartnerId);
        AddSettings(app);
        for (long id = 1; id <= CampaignCount; id++)
            app.Campaigns.Add(id == CampaignId ? Campaign(id, "Summer sales") : Campaign(id, $"Campaign {id}"));
        for (var i = 0; i < MessageCount; i++)
        {
            var id = FirstMessageId + i;
            app.Messages.Add(id switch
            {
                MessageId => Message(id, "PushCampaign2017-01", "Summer sales", "Up to 50% off this week", buttons: true),
                MessageId + 1 => Message(id, OrderShippedExternalId, "Your order", "Hi ${firstname}, your order ${order_id} has shipped", buttons: false),
                >= MessageId + 2 and <= MessageId + 5 => Message(id, $"PushCampaign2017-{id - MessageId:D2}", "Summer sales", "Last days", buttons: false),
                _ => Message(id, $"Newsletter-{id}", $"Newsletter {id}", "News of the week", buttons: false),
            });
        }

        app.InApps.Add(Parse("""{"id":2157,"externalId":"welcome-banner","name":"Welcome banner","isActive":true,"triggers":{"displayCapping":1,"priority":3},"segments":{},"messages":[{"template":{"templateValue":"popup_default"}}]}"""));
        app.Alarms.Add(Parse("""
            {"id":12345,"externalId":"my-alarm","name":"My Alarm",
             "messages":[{"title":"My message title","sound":{"sound":"default"},"openRichPushIn":"webview","delayTimerForAppliOff":true,"text":"Here you go","clickCustomParams":{"Key1":"Value1"},"displayCustomParams":{"Key2":"Value2"}}],
             "triggers":{"displayCapping":30,"globalClickCapping":0,"sessionClickCapping":0,"priority":3,"cappingDelay":0,"offlineDisplay":false,"geolocations":{},"beacons":{},"usePressure":false,"useDelay":false,
                         "timer":{"duration":0,"type":"lifetime"},"events":{"displayOnceByEvent":true},"views":{},"states":{"allStatesActive":true,"inclusion":[{"name":"myState","contains":"BlueSky"}]}},
             "segments":{},"settings":{"programmation":{"useLocalDate":false,"type":"timer","duration":518400},"exclusionRanges":[]},"isActive":false}
            """));
        app.Inboxes.Add(Parse("""{"id":123,"externalId":"spring-newsletter","name":"Spring newsletter","messages":[{"content":{"title":"Spring is here"}}]}"""));
        app.Geofences.Add(Parse("""{"id":404,"info":{"name":"Paris store"}}"""));
        app.Geofences.Add(Parse("""{"id":479,"info":{"name":"Lyon store"}}"""));
        app.Beacons.Add(Parse("""{"id":404,"info":{"name":"Entrance"}}"""));
        app.Geogroups.Add(Parse("""{"id":422,"name":"Paris stores","externalId":"myGeogroupExternalId","beacons":[],"geofences":[]}"""));

        app.StaticLists.Add(Parse("""{"listId":1234,"name":"VIP customers","externalId":"vip"}"""));
        app.StaticLists.Add(Parse("""{"listId":1235,"name":"My list","externalId":"myExternalId"}"""));
        app.StaticListDevices[StaticListId] = [Parse("""{"deviceId":"1A2B3C4D-5E6F-7A8B-9C0D-1E2F3A4B5C6D","expireAt":"2030-12-31T23:59:59.000Z"}""")];

        AddDevices(app, DeviceCount);
        // Campaign 91: 150 clicks (two pages), 60 of them on message 2157 (one page); 80 targets, 50 of message 2157.
        for (var i = 0; i < 150; i++)
        {
            app.Clicks.Add(new JsonObject
            {
                ["campaignId"] = CampaignId,
                ["messageId"] = i < 60 ? MessageId : MessageId + 1,
                ["deviceId"] = app.Devices[i]["UDID"]!.GetValue<string>(),
                ["actionId"] = i % 2 + 1,
                ["date"] = At(new DateTime(2015, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddMinutes(i * 7)),
            });
        }
        for (var i = 0; i < 80; i++)
        {
            app.Targets.Add(new JsonObject
            {
                ["campaignId"] = CampaignId,
                ["messageId"] = i < 50 ? MessageId : MessageId + 1,
                ["deviceId"] = app.Devices[i]["UDID"]!.GetValue<string>(),
                ["date"] = At(new DateTime(2015, 1, 1, 12, 0, 0, DateTimeKind.Utc)),
            });
        }
        var day = new DateOnly(2015, 1, 1);
        for (var i = 0; i < 400; i++)
        {
            // Every seventh day has no data: the document says the server does not fill gaps.
            if (i % 7 == 6)
                continue;
            app.Stats.Add(new JsonObject
            {
                ["date"] = day.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["sent"] = 1000 + i,
                ["opened"] = 300 + i % 50,
                ["clicked"] = 40 + i % 9,
            });
        }
        return app;
    }

    /// <summary>The second demo app, <see cref="AccengageSandboxOptions.SecondDemoPartnerId"/> (the other platform of the same service).</summary>
    public static AccengageSandboxApp SecondDemoApp()
    {
        var app = new AccengageSandboxApp(AccengageSandboxOptions.SecondDemoPartnerId);
        AddSettings(app);
        app.Campaigns.Add(Campaign(1, "Welcome"));
        app.Messages.Add(Message(1, "Welcome-01", "Welcome", "Welcome aboard", buttons: false, campaignId: 1));
        AddDevices(app, 3);
        return app;
    }

    private static void AddSettings(AccengageSandboxApp app)
    {
        app.States.Add("myState");
        app.InAppTemplates.UnionWith(["popup_default", "banner_default", "close", "browser"]);
        app.CollapseKeys.UnionWith(["default", "promo"]);
        app.DeviceFields.UnionWith(["UDID", "token", "IDFA", "clientId", "firstname", "model", "bundleversion", "myCustomField", "firstOpen", "lastOpen"]);
    }

    /// <summary>The document's three example devices (first opened in the first half of 2014), then generated ones (from 2015 on).</summary>
    private static void AddDevices(AccengageSandboxApp app, int count)
    {
        JsonObject[] examples =
        [
            Parse("""{"UDID":"F31548D3-F93E-498F-8E01-F18CC4EB2F5F","token":"AB5F","IDFA":"6D92078A-8246-4BA4-AE5B-76104861E7DC","clientId":"123456","firstname":"Alice","model":"iPhone 6","bundleversion":"2.1.0","firstOpen":"2014-01-15 08:00:00","lastOpen":"2014-06-08 12:34:56"}"""),
            Parse("""{"UDID":"1A2B3C4D-5E6F-7A8B-9C0D-1E2F3A4B5C6D","token":"C0FFEE","IDFA":"AB5F2C3D-1E2F-4A5B-8C9D-0E1F2A3B4C5D","clientId":"654321","firstname":"Bob","model":"iPhone 6","bundleversion":"2.1.0","myCustomField":"value","firstOpen":"2014-03-02 09:30:00","lastOpen":"2014-07-01 18:00:00"}"""),
            Parse("""{"UDID":"0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0","token":"BEEF","clientId":"777777","firstname":"Chloe","model":"Pixel 8","bundleversion":"2.0.3","firstOpen":"2014-05-20 17:45:00","lastOpen":"2014-05-21 08:00:00"}"""),
        ];
        for (var i = 0; i < count; i++)
        {
            if (i < examples.Length)
            {
                app.Devices.Add(examples[i]);
                continue;
            }
            var firstOpen = new DateTime(2015, 1, 1, 8, 0, 0, DateTimeKind.Utc).AddHours(i * 13);
            app.Devices.Add(new JsonObject
            {
                ["UDID"] = string.Create(CultureInfo.InvariantCulture, $"5A0D{i:X4}-0000-4000-8000-{i:X12}"),
                ["token"] = string.Create(CultureInfo.InvariantCulture, $"tok{i:D5}"),
                ["IDFA"] = string.Create(CultureInfo.InvariantCulture, $"1D0A{i:X4}-0000-4000-8000-{i:X12}"),
                ["clientId"] = string.Create(CultureInfo.InvariantCulture, $"C{i:D6}"),
                ["firstname"] = $"User {i}",
                ["model"] = (i % 3) switch { 0 => "iPhone 15", 1 => "Pixel 8", _ => "Galaxy S24" },
                ["bundleversion"] = "3.0.0",
                ["firstOpen"] = At(firstOpen),
                ["lastOpen"] = At(firstOpen.AddDays(30)),
            });
        }
    }

    private static JsonObject Campaign(long id, string name) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["startDate"] = "2030-06-01T00:00:00+02:00",
        ["endDate"] = "2030-06-30T23:59:59+02:00",
    };

    private static JsonObject Message(long id, string externalId, string title, string text, bool buttons, long campaignId = CampaignId)
    {
        var content = new JsonObject { ["title"] = title, ["text"] = text };
        if (buttons)
            content["buttons"] = new JsonArray(new JsonObject { ["action"] = "browser" }, new JsonObject { ["action"] = "close" });
        return new JsonObject
        {
            ["id"] = id,
            ["externalId"] = externalId,
            ["campaignId"] = campaignId,
            ["messages"] = new JsonArray(content),
        };
    }

    private static string At(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
