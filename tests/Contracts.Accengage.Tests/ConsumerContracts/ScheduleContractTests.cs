using Contracts.Pacts.Matchers;
using Xunit.Abstractions;
using static Contracts.Accengage.Tests.ConsumerContracts.AccengageContract;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>Consumer contracts of a message's schedule, its exclusions, and sending a message.</summary>
public sealed class ScheduleContractTests(ITestOutputHelper output)
{
    private const string Scheduled = "message 2157 is a scheduled push";
    private const string DaysPattern = @"^\[\s*[1-7](\s*,\s*[1-7])*\s*\]$";

    private static readonly TimeSpan Paris = TimeSpan.FromHours(2);

    [Fact]
    public async Task A_schedule_is_created_read_updated_and_deleted_with_its_offsets()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request to schedule a message", "message 2157 is a push without a schedule", HttpMethod.Post, MessageRoute("/schedules"))
            .WithJsonBody(ScheduleShape)
            .WillRespond()
            .WithStatus(200);
        builder.AuthorizedRequest("a request for the schedule of a message", Scheduled, HttpMethod.Get, MessageRoute("/schedules"))
            .AcceptingJson()
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(ScheduleShape);
        builder.AuthorizedRequest("a request to move the next sending date of a message", Scheduled, HttpMethod.Put, MessageRoute("/schedules"))
            .WithJsonBody(new { nextSendingDate = Match.Regex("2030-06-02T10:00:00+02:00", DateTimeWithOffset) })
            .WillRespond()
            .WithStatus(200);
        builder.AuthorizedRequest("a request to delete the schedule of a message", Scheduled, HttpMethod.Delete, MessageRoute("/schedules"))
            .WillRespond()
            .WithStatus(200);

        await VerifyAsync(builder, async (client, wire) =>
        {
            await client.CreateScheduleAsync(PartnerId, 2157, new Schedule
            {
                NextSendingDate = new DateTimeOffset(2030, 6, 1, 10, 0, 0, Paris),
                Timezone = "Europe/Paris",
                StartDate = new DateTimeOffset(2030, 6, 1, 0, 0, 0, Paris),
                EndDate = new DateTimeOffset(2030, 6, 30, 23, 59, 59, Paris),
            });
            var schedule = await client.GetScheduleAsync(PartnerId, 2157);
            await client.UpdateScheduleAsync(PartnerId, 2157, new Schedule { NextSendingDate = new DateTimeOffset(2030, 6, 2, 10, 0, 0, Paris) });
            await client.DeleteScheduleAsync(PartnerId, 2157);

            Assert.Equal(new DateTimeOffset(2030, 6, 1, 10, 0, 0, Paris), schedule.NextSendingDate);
            Assert.Equal(Paris, schedule.NextSendingDate!.Value.Offset);
            Assert.Equal("Europe/Paris", schedule.Timezone);
            Assert.Equal(["POST", "GET", "PUT", "DELETE"], wire.Sent.Skip(1).Select(s => s.Split(' ')[0]));
        });
    }

    [Fact]
    public async Task Schedule_exclusions_are_created_listed_and_deleted()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request to exclude Mondays and Wednesdays from a schedule", Scheduled, HttpMethod.Post, MessageRoute("/schedules/exclusions"))
            .WithJsonBody(new { type = Match.Type("DAYS"), days = Match.Regex("[1,3]", DaysPattern) })
            .WillRespond()
            .WithStatus(200);
        builder.AuthorizedRequest("a request for the exclusions of a schedule", "message 2157 is a scheduled push excluding Mondays and Wednesdays", HttpMethod.Get, MessageRoute("/schedules/exclusions"))
            .AcceptingJson()
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(new[] { new { type = Match.Type("DAYS"), days = Match.Regex("[1,3]", DaysPattern) } });
        builder.AuthorizedRequest("a request to delete the exclusions of a schedule", Scheduled, HttpMethod.Delete, MessageRoute("/schedules/exclusions"))
            .WillRespond()
            .WithStatus(200);

        await VerifyAsync(builder, async client =>
        {
            await client.CreateScheduleExclusionAsync(PartnerId, 2157, new ScheduleExclusion { Type = "DAYS", Days = "[1,3]" });
            var exclusions = await client.ListScheduleExclusionsAsync(PartnerId, 2157);
            await client.DeleteScheduleExclusionsAsync(PartnerId, 2157);

            var exclusion = Assert.Single(exclusions);
            Assert.Equal("DAYS", exclusion.Type);
            Assert.Equal("[1,3]", exclusion.Days);
        });
    }

    [Fact]
    public async Task A_message_is_sent_as_a_test_with_the_test_flag_and_no_body()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request to send a message as a test", "message 2157 exists", HttpMethod.Post, MessageRoute("/send"))
            .WithQuery("test", "true")
            .WillRespond()
            .WithStatus(200);

        await VerifyAsync(builder, async client => await client.SendMessageAsync(PartnerId, 2157, test: true));
    }

    [Fact]
    public async Task Sending_a_message_already_sent_fails_with_API_ERR_MESSAGE_SENT()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request to send a message that has already been sent", "message 2157 has already been sent", HttpMethod.Post, MessageRoute("/send"))
            .WillRespond()
            .WithStatus(400)
            .WithJsonBody(Error(AccengageErrorLabels.MessageSent, "The message has already been sent"));

        await VerifyAsync(builder, async (client, wire) =>
        {
            var refused = await Assert.ThrowsAsync<AccengageException<ErrorBody>>(() => client.SendMessageAsync(PartnerId, 2157));

            Assert.Equal(400, refused.StatusCode);
            Assert.True(refused.HasLabel(AccengageErrorLabels.MessageSent));
            // A 400 that is not about the token is not retried with a new one.
            Assert.Equal(2, wire.Sent.Count);
        });
    }

    /// <summary>A schedule: the next sending date with the offset to use, an indicative time zone, its bounds.</summary>
    private static object ScheduleShape => new
    {
        nextSendingDate = Match.Regex("2030-06-01T10:00:00+02:00", DateTimeWithOffset),
        timezone = Match.Type("Europe/Paris"),
        startDate = Match.Regex("2030-06-01T00:00:00+02:00", DateTimeWithOffset),
        endDate = Match.Regex("2030-06-30T23:59:59+02:00", DateTimeWithOffset),
    };
}
