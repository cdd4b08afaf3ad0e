using Contracts.Pacts.Matchers;
using Xunit.Abstractions;
using static Contracts.Accengage.Tests.ConsumerContracts.AccengageContract;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>Consumer contracts of scheduled alarms, by ID and by external ID, with their status routes; the answers are the document's alarm example.</summary>
public sealed class AlarmContractTests(ITestOutputHelper output)
{
    private const string AlarmExists = "alarm 12345 (external ID my-alarm) exists and is inactive";

    private static readonly PagedRoute Alarms = new(AppPath + "/alarms", "/v1/me/apps/[^/]+/alarms");

    [Fact]
    public async Task Alarms_are_listed_and_created()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        Alarms.RespondWithPage(
            Alarms.Request(builder, "a request for the alarms", AlarmExists),
            1,
            isLast: true,
            "alarms",
            Match.MinType(new { id = Match.Integer(12345), name = Match.Type("My Alarm"), isActive = Match.Boolean(false) }, 1));
        builder.AuthorizedRequest("a request to create an alarm", "the app has the state myState", HttpMethod.Post, Alarms.Path)
            .AcceptingJson()
            .WithJsonBody(AlarmShape)
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(Created(12345));

        await VerifyAsync(builder, async client =>
        {
            var listed = Assert.Single(await client.EnumerateAlarmsAsync().ToListAsync());
            var created = await client.CreateAlarmAsync(PartnerId, NewAlarm());

            Assert.False(listed.IsActive);
            Assert.Equal(12345L, created.Id);
        });
    }

    [Fact]
    public async Task An_alarm_is_read_updated_and_activated_by_its_id()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        new SwitchableResource("an alarm", IsActive: false, AlarmExists, "/alarms/12345", "/alarms/[0-9]+")
            .ReadUpdateAndSwitch(builder, AlarmAnswer, AlarmShape, activate: true);

        await VerifyAsync(builder, async client =>
        {
            var alarm = await client.GetAlarmAsync(PartnerId, 12345);
            await client.UpdateAlarmAsync(PartnerId, 12345, NewAlarm());
            await client.SetAlarmStatusAsync(PartnerId, 12345, new ActivationStatus { IsActive = true });

            Assert.Equal("My Alarm", alarm.Name);
            Assert.Equal("Value1", Assert.Single(alarm.Messages!).ClickCustomParams!["Key1"]);
            Assert.Equal("BlueSky", Assert.Single(alarm.Triggers!.States!.Inclusion!).Contains);
            Assert.Equal(518400L, alarm.Settings!.Programmation!.Duration);
        });
    }

    [Fact]
    public async Task An_alarm_is_read_updated_and_deactivated_again_by_its_external_id()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        new SwitchableResource("an alarm", IsActive: false, AlarmExists, "/alarms/external/my-alarm", "/alarms/external/[^/]+")
            .ReadUpdateAndSwitch(builder, AlarmAnswer, AlarmShape, activate: false);

        await VerifyAsync(builder, async client =>
        {
            var alarm = await client.GetAlarmByExternalIdAsync(PartnerId, "my-alarm");
            await client.UpdateAlarmByExternalIdAsync(PartnerId, "my-alarm", NewAlarm());
            // 204: the status already was the one asked for, which is not an error.
            await client.SetAlarmStatusByExternalIdAsync(PartnerId, "my-alarm", new ActivationStatus { IsActive = false });

            Assert.Equal(12345L, alarm.Id);
        });
    }

    /// <summary>The alarm of the document's example, as a model to send.</summary>
    private static Alarm NewAlarm() => new()
    {
        Name = "My Alarm",
        Messages =
        [
            new PushMessage
            {
                Title = "My message title",
                Text = "Here you go",
                Sound = new Sound { Sound1 = "default" },
                ClickCustomParams = new CustomParams { ["Key1"] = "Value1" },
            },
        ],
        Triggers = new Triggers
        {
            DisplayCapping = 30,
            Priority = 3,
            Timer = new TimerTrigger { Duration = 0, Type = "lifetime" },
            States = new StateTrigger { AllStatesActive = true, Inclusion = [new StateCondition { Name = "myState", Contains = "BlueSky" }] },
        },
        Settings = new AlarmSettings { Programmation = new Programmation { UseLocalDate = false, Type = "timer", Duration = 518400 }, ExclusionRanges = [] },
    };

    /// <summary>The alarm as the client writes it (<see cref="NewAlarm"/>).</summary>
    private static object AlarmShape => new
    {
        name = Match.Type("My Alarm"),
        messages = new[] { new { title = Match.Type("My message title"), text = Match.Type("Here you go"), sound = new { sound = Match.Type("default") }, clickCustomParams = new { Key1 = Match.Type("Value1") } } },
        triggers = new
        {
            displayCapping = Match.Integer(30),
            priority = Match.Integer(3),
            timer = new { duration = Match.Integer(0), type = Match.Type("lifetime") },
            states = new { allStatesActive = Match.Boolean(true), inclusion = new[] { new { name = Match.Type("myState"), contains = Match.Type("BlueSky") } } },
        },
        settings = new { programmation = new { useLocalDate = Match.Boolean(false), type = Match.Type("timer"), duration = Match.Integer(518400) }, exclusionRanges = Array.Empty<object>() },
    };

    /// <summary>The document's alarm example (GET /alarms/123456), its values matched by type.</summary>
    private static object AlarmAnswer => new
    {
        id = Match.Integer(12345),
        name = Match.Type("My Alarm"),
        messages = Match.MinType(
            new
            {
                title = Match.Type("My message title"),
                sound = new { sound = Match.Type("default") },
                openRichPushIn = Match.Type("webview"),
                delayTimerForAppliOff = Match.Boolean(true),
                text = Match.Type("Here you go"),
                clickCustomParams = new { Key1 = Match.Type("Value1") },
                displayCustomParams = new { Key2 = Match.Type("Value2") },
            },
            1),
        triggers = new
        {
            displayCapping = Match.Integer(30),
            globalClickCapping = Match.Integer(0),
            sessionClickCapping = Match.Integer(0),
            priority = Match.Integer(3),
            cappingDelay = Match.Integer(0),
            offlineDisplay = Match.Boolean(false),
            geolocations = new { },
            beacons = new { },
            usePressure = Match.Boolean(false),
            useDelay = Match.Boolean(false),
            timer = new { duration = Match.Integer(0), type = Match.Type("lifetime") },
            events = new { displayOnceByEvent = Match.Boolean(true) },
            views = new { },
            states = new { allStatesActive = Match.Boolean(true), inclusion = Match.MinType(new { name = Match.Type("myState"), contains = Match.Type("BlueSky") }, 1) },
        },
        segments = new { },
        settings = new { programmation = new { useLocalDate = Match.Boolean(false), type = Match.Type("timer"), duration = Match.Integer(518400) }, exclusionRanges = Array.Empty<object>() },
        isActive = Match.Boolean(false),
    };
}
