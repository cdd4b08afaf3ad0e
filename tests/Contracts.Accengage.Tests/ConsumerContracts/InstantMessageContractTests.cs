using Contracts.Pacts.Matchers;
using Xunit.Abstractions;
using static Contracts.Accengage.Tests.ConsumerContracts.AccengageContract;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>Consumer contracts of instant messages, to one app (split into requests of at most 100 targets) and across apps.</summary>
public sealed class InstantMessageContractTests(ITestOutputHelper output)
{
    private const string Text = "Hi ${firstname}, your order number ${order_id} will be delivered the ${delivery_date}.";

    [Fact]
    public async Task An_instant_message_to_150_users_is_sent_as_requests_of_at_most_100_targets()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request to send an instant message to users of the app", "message 2157 exists and the users have client IDs", HttpMethod.Post, AppRoute("/send"))
            .WithJsonBody(new
            {
                parentMessageId = Match.Integer(2157),
                text = Match.Type(Text),
                targets = Match.MinMaxType(
                    new { clientId = Match.Type("123456"), data = new { firstname = Match.Type("Alice"), order_id = Match.Type("A-1001"), delivery_date = Match.Regex("2030-06-01", Day) } },
                    1,
                    AccengageLimits.MaxTargetsPerInstantMessage),
            })
            .WillRespond()
            .WithStatus(200);

        await VerifyAsync(builder, async (client, wire) =>
        {
            var report = await client.SendInstantMessageToAllAsync(new MessageData { ParentMessageId = 2157, Text = Text }, Users(150));

            Assert.True(report.AllAccepted, report.ToString());
            Assert.Equal(150, report.AcceptedCount);
            Assert.Equal(2, wire.Sent.Count(s => s.EndsWith("/send", StringComparison.Ordinal)));
        });
    }

    [Fact]
    public async Task An_instant_message_across_apps_reports_the_result_of_each_app()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request to send an instant message to two apps", "message OrderShipped exists in myPartnerId but not in mySecondPartnerId", HttpMethod.Post, "/v1/me/send")
            .AcceptingJson()
            .WithJsonBody(new
            {
                apps = new Dictionary<string, object>
                {
                    ["myPartnerId"] = new { parentMessageExternalId = Match.Type("OrderShipped") },
                    ["mySecondPartnerId"] = new { parentMessageExternalId = Match.Type("OrderShipped") },
                },
                targets = new[] { new Dictionary<string, object> { ["clientId"] = new Dictionary<string, object> { ["$eq"] = Match.Type("123456") }, ["data"] = new { order_id = Match.Type("A-1001") } } },
            })
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(new Dictionary<string, object>
            {
                ["myPartnerId"] = new { statusCode = 200 },
                ["mySecondPartnerId"] = new { statusCode = 404, body = Error(AccengageErrorLabels.Data, "Message OrderShipped not found") },
            });

        await VerifyAsync(builder, async client =>
        {
            var message = new MultiAppInstantMessage
            {
                Apps =
                {
                    ["myPartnerId"] = new MessageData { ParentMessageExternalId = "OrderShipped" },
                    ["mySecondPartnerId"] = new MessageData { ParentMessageExternalId = "OrderShipped" },
                },
                Targets =
                [
                    new Target
                    {
                        AdditionalProperties = { ["clientId"] = new Dictionary<string, object> { ["$eq"] = "123456" } },
                        Data = new Dictionary<string, object> { ["order_id"] = "A-1001" },
                    },
                ],
            };

            var results = await client.SendInstantMessageToAppsAsync(message);

            Assert.Equal(200, results["myPartnerId"].StatusCode);
            Assert.Equal(404, results["mySecondPartnerId"].StatusCode);
            Assert.Equal(AccengageErrorLabels.Data, Assert.Single(results["mySecondPartnerId"].Body!.Errors).Label);
        });
    }

    private static IEnumerable<Target> Users(int count)
        => Enumerable.Range(1, count).Select(i => new Target
        {
            AdditionalProperties = { ["clientId"] = $"client-{i}" },
            Data = new Dictionary<string, object> { ["firstname"] = $"User {i}", ["order_id"] = $"A-{1000 + i}", ["delivery_date"] = "2030-06-01" },
        });
}
