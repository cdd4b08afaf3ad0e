using System.Text.Json;
using Contracts.Testing;
using Microsoft.AspNetCore.Http;

namespace Contracts.Accengage.Tests;

/// <summary>Every JSON body the Accengage API (v1) documentation prints is read by the generated client, and unknown fields survive a round trip.</summary>
public sealed class DocumentSampleTests : AccengageTestBase
{
    [Fact]
    public async Task The_scheduled_alarm_example_reads_field_by_field()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(200, DocumentSamples.Alarm);

        var alarm = await Client.GetAlarmAsync(FakeAccengage.PartnerId, 123456);

        Assert.Equal("/v1/me/apps/myPartnerId/alarms/123456", Assert.Single(Accengage.ApiRequests).Path);
        Assert.Equal(12345, alarm.Id);
        Assert.Equal("My Alarm", alarm.Name);
        Assert.False(alarm.IsActive);
        var message = Assert.Single(alarm.Messages!);
        Assert.Equal("My message title", message.Title);
        Assert.Equal("default", message.Sound!.Sound1);
        Assert.Equal("webview", message.OpenRichPushIn);
        Assert.True(message.DelayTimerForAppliOff);
        Assert.Equal("Here you go", message.Text);
        Assert.Equal("Value1", message.ClickCustomParams!["Key1"]);
        Assert.Equal("Value2", message.DisplayCustomParams!["Key2"]);
        var triggers = alarm.Triggers!;
        Assert.Equal((30, 0, 0, 3, 0), (triggers.DisplayCapping, triggers.GlobalClickCapping, triggers.SessionClickCapping, triggers.Priority, triggers.CappingDelay));
        Assert.Equal((false, false, false), (triggers.OfflineDisplay, triggers.UsePressure, triggers.UseDelay));
        Assert.NotNull(triggers.Geolocations);
        Assert.NotNull(triggers.Beacons);
        Assert.NotNull(triggers.Views);
        Assert.Equal((0L, "lifetime"), (triggers.Timer!.Duration, triggers.Timer.Type));
        Assert.True(triggers.Events!.DisplayOnceByEvent);
        Assert.True(triggers.States!.AllStatesActive);
        var state = Assert.Single(triggers.States.Inclusion!);
        Assert.Equal(("myState", "BlueSky"), (state.Name, state.Contains));
        Assert.NotNull(alarm.Segments);
        Assert.Equal((false, "timer", 518400L), (alarm.Settings!.Programmation!.UseLocalDate, alarm.Settings.Programmation.Type, alarm.Settings.Programmation.Duration));
        Assert.Empty(alarm.Settings.ExclusionRanges!);
    }

    [Fact]
    public async Task The_alarm_example_round_trips_to_the_same_json()
    {
        Accengage.Api = (request, context) => request.Method == "GET"
            ? context.RespondJsonAsync(200, DocumentSamples.Alarm)
            : context.RespondJsonAsync(200, null);

        var alarm = await Client.GetAlarmAsync(FakeAccengage.PartnerId, 123456);
        await Client.UpdateAlarmAsync(FakeAccengage.PartnerId, 123456, alarm);

        var sent = Accengage.ApiRequests[1];
        Assert.Equal("PUT", sent.Method);
        Assert.True(JsonElementComparer.Equal(JsonDocument.Parse(DocumentSamples.Alarm).RootElement, sent.Json), sent.BodyText);
    }

    [Fact]
    public async Task The_not_found_example_becomes_an_exception_with_its_label_and_message()
    {
        Accengage.Api = (_, context) => context.RespondJsonAsync(404, DocumentSamples.AlarmNotFound);

        var error = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(() => Client.GetAlarmAsync(FakeAccengage.PartnerId, 123458));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(AccengageErrorLabels.Data, error.ErrorCode);
        var item = Assert.Single(error.Errors);
        Assert.Equal(("API_ERR_DATA", "Type, application and message ID mismatch"), (item.Label, item.Message));
        Assert.Equal("Type, application and message ID mismatch", Assert.Single(error.Result.Errors).Message);
        Assert.Contains("Type, application and message ID mismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_access_token_example_reads()
    {
        Accengage.TokenAnswer = _ => (200, DocumentSamples.AccessToken);
        using var http = new HttpClient(new AccengageSigningHandler(FakeAccengage.ApiKey, TimeProvider.System, signDeleteBody: true) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = Accengage.Server.BaseUrl };
        var raw = new AccengageClient(http);

        var token = await raw.CreateAccessTokenAsync(new AccessTokenRequest { Email = FakeAccengage.UserEmail });

        Assert.Equal(("Bearer", "12345678"), (token.Token_type, token.Access_token));
    }

    [Fact]
    public async Task Me_answers_welcome_as_plain_text()
    {
        Accengage.Api = async (_, context) =>
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("Welcome");
        };

        Assert.Equal("Welcome", await Client.GetMeAsync());
        Assert.Equal("text/plain", Assert.Single(Accengage.ApiRequests).Header("Accept"));
    }

    [Fact]
    public void Fields_the_contract_does_not_name_round_trip_unchanged()
    {
        const string json = """{"id":91,"name":"Summer sales","budget":{"amount":12.5,"currency":"EUR"},"tags":["a","b"],"archived":null}""";
        var options = new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

        var campaign = JsonSerializer.Deserialize<Campaign>(json)!;

        Assert.Equal(91, campaign.Id);
        Assert.Equal(["budget", "tags", "archived"], campaign.AdditionalProperties.Keys);
        Assert.True(JsonElementComparer.Equal(JsonDocument.Parse(json).RootElement, JsonSerializer.SerializeToElement(campaign, options)));
    }
}
