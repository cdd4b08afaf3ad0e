using Contracts.Pacts.Matchers;
using Xunit.Abstractions;
using static Contracts.Accengage.Tests.ConsumerContracts.AccengageContract;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>Consumer contracts of push messages and their actions.</summary>
public sealed class MessageContractTests(ITestOutputHelper output)
{
    private const string MessageExists = "message 2157 exists";

    private static readonly PagedRoute Messages = new(AppPath + "/messages", "/v1/me/apps/[^/]+/messages", "externalId=PushCampaign2017%25&");
    private static readonly PagedRoute Actions = new(AppPath + "/messages/2157/actions", "/v1/me/apps/[^/]+/messages/[0-9]+/actions");

    [Fact]
    public async Task Messages_are_listed_with_an_external_id_filter()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        Messages.RespondWithPage(
            Messages.Request(builder, "a request for the messages whose external ID starts with PushCampaign2017", "the app has messages with external IDs PushCampaign2017...")
                .WithQuery("externalId", "PushCampaign2017%"),
            1,
            isLast: true,
            "messages",
            Match.MinType(new { id = Match.Integer(2157), externalId = Match.Type("PushCampaign2017-01"), messages = Match.MinType(PushContent, 1) }, 1));

        await VerifyAsync(builder, async client =>
        {
            var messages = await client.EnumerateMessagesAsync(externalId: "PushCampaign2017%").ToListAsync();

            var message = Assert.Single(messages);
            Assert.Equal(2157L, message.Id);
            Assert.Equal("PushCampaign2017-01", message.ExternalId);
            Assert.Equal("Summer sales", Assert.Single(message.Messages!).Title);
        });
    }

    [Fact]
    public async Task A_message_with_buttons_is_created_in_a_campaign()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request to create a message with buttons", "campaign 91 exists", HttpMethod.Post, AppRoute("/messages"))
            .AcceptingJson()
            .WithJsonBody(new
            {
                externalId = Match.Type("PushCampaign2017-02"),
                campaignId = Match.Integer(91),
                messages = new[]
                {
                    new
                    {
                        title = Match.Type("Your order"),
                        text = Match.Type("Your order has shipped"),
                        buttons = new[] { new { action = "browser" }, new { action = "close" } },
                    },
                },
            })
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(Created(2157));

        await VerifyAsync(builder, async client =>
        {
            var created = await client.CreateMessageAsync(PartnerId, new Message
            {
                ExternalId = "PushCampaign2017-02",
                CampaignId = 91,
                Messages = [new PushMessage { Title = "Your order", Text = "Your order has shipped", Buttons = [new PushButton { KnownAction = ButtonAction.Browser }, new PushButton { KnownAction = ButtonAction.Close }] }],
            });

            Assert.Equal(2157L, created.Id);
        });
    }

    [Fact]
    public async Task A_message_is_read_updated_and_deleted_by_its_id()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request for a message", MessageExists, HttpMethod.Get, MessageRoute())
            .AcceptingJson()
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(new
            {
                id = Match.Integer(2157),
                externalId = Match.Type("PushCampaign2017-01"),
                campaignId = Match.Integer(91),
                messages = Match.MinType(PushContent, 1),
            });
        builder.AuthorizedRequest("a request to update a message", MessageExists, HttpMethod.Put, MessageRoute())
            .WithJsonBody(new { messages = new[] { new { title = Match.Type("Summer sales"), text = Match.Type("Up to 60% off this week") } } })
            .WillRespond()
            .WithStatus(200);
        builder.AuthorizedRequest("a request to delete a message", MessageExists, HttpMethod.Delete, MessageRoute())
            .WillRespond()
            .WithStatus(200);

        await VerifyAsync(builder, async (client, wire) =>
        {
            var message = await client.GetMessageAsync(PartnerId, 2157);
            Assert.Equal(91L, message.CampaignId);
            Assert.Equal("Up to 50% off this week", Assert.Single(message.Messages!).Text);

            await client.UpdateMessageAsync(PartnerId, 2157, new Message { Messages = [new PushMessage { Title = "Summer sales", Text = "Up to 60% off this week" }] });
            await client.DeleteMessageAsync(PartnerId, 2157);

            Assert.Equal(["GET", "PUT", "DELETE"], wire.Sent.Skip(1).Select(s => s.Split(' ')[0]));
        });
    }

    [Fact]
    public async Task The_actions_of_a_message_are_listed()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        Actions.RespondWithPage(
            Actions.Request(builder, "a request for the actions of a message", MessageExists),
            1,
            isLast: true,
            "actions",
            new[] { new { id = Match.Integer(1) }, new { id = Match.Integer(2) } });

        await VerifyAsync(builder, async client =>
        {
            var actions = await client.EnumerateMessageActionsAsync(2157).ToListAsync();

            Assert.Equal([1L, 2L], actions.Select(a => a.Id!.Value));
        });
    }

    /// <summary>The content of a push message in one language.</summary>
    private static object PushContent => new { title = Match.Type("Summer sales"), text = Match.Type("Up to 50% off this week") };
}
