using Contracts.Pacts.Matchers;
using Xunit.Abstractions;
using static Contracts.Accengage.Tests.ConsumerContracts.AccengageContract;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>Consumer contracts of inbox messages, by ID and by external ID, and the read and archived dates of one user's copy.</summary>
public sealed class InboxContractTests(ITestOutputHelper output)
{
    private const string InboxExists = "inbox message 123 (external ID spring-newsletter) exists";
    private const string Udid = "F31548D3-F93E-498F-8E01-F18CC4EB2F5F";

    private static readonly DateTimeOffset Read = new(2030, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Archived = new(2030, 6, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_inbox_message_is_created_then_updated_and_marked_read_by_its_id()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request to create an inbox message", "the app exists", HttpMethod.Post, AppRoute("/inboxes"))
            .AcceptingJson()
            .WithJsonBody(InboxShape)
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(Created(123));
        builder.AuthorizedRequest("a request to update an inbox message", InboxExists, HttpMethod.Put, AppRoute("/inboxes/123", "/inboxes/[0-9]+"))
            .WithJsonBody(InboxShape)
            .WillRespond()
            .WithStatus(200);
        StatusRequest(builder, "a request to set when a user read and archived an inbox message", AppRoute("/inboxes/123/status", "/inboxes/[0-9]+/status"));

        await VerifyAsync(builder, async client =>
        {
            var created = await client.CreateInboxAsync(PartnerId, NewInbox());
            await client.UpdateInboxAsync(PartnerId, 123, NewInbox());
            await client.SetInboxStatusAsync(PartnerId, 123, Udid, new InboxStatus { ReadDate = Read, ArchivedDate = Archived });

            Assert.Equal(123L, created.Id);
        });
    }

    [Fact]
    public async Task An_inbox_message_is_updated_and_marked_read_by_its_external_id()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.AuthorizedRequest("a request to update an inbox message by external ID", InboxExists, HttpMethod.Put, AppRoute("/inboxes/external/spring-newsletter", "/inboxes/external/[^/]+"))
            .WithJsonBody(InboxShape)
            .WillRespond()
            .WithStatus(200);
        StatusRequest(builder, "a request to set when a user read and archived an inbox message, by external ID", AppRoute("/inboxes/external/spring-newsletter/status", "/inboxes/external/[^/]+/status"));

        await VerifyAsync(builder, async (client, wire) =>
        {
            await client.UpdateInboxByExternalIdAsync(PartnerId, "spring-newsletter", NewInbox());
            await client.SetInboxStatusByExternalIdAsync(PartnerId, "spring-newsletter", Udid, new InboxStatus { ReadDate = Read, ArchivedDate = Archived });

            Assert.Equal(3, wire.Sent.Count);
        });
    }

    private static Inbox NewInbox() => new()
    {
        ExternalId = "spring-newsletter",
        Name = "Spring newsletter",
        Messages = [new InboxMessage { Content = new InboxContent { AdditionalProperties = { ["title"] = "Spring is here" } } }],
    };

    /// <summary>An inbox message as the client writes it (<see cref="NewInbox"/>).</summary>
    private static object InboxShape => new
    {
        externalId = Match.Type("spring-newsletter"),
        name = Match.Type("Spring newsletter"),
        messages = new[] { new { content = new { title = Match.Type("Spring is here") } } },
    };

    /// <summary>The read and archived dates of the message for the user the UDID query parameter names.</summary>
    private static void StatusRequest(Pacts.PactBuilder builder, string description, Matcher route)
        => builder.AuthorizedRequest(description, $"{InboxExists} for device {Udid}", HttpMethod.Put, route)
            .WithQuery("UDID", Match.Type(Udid))
            .WithJsonBody(new
            {
                readDate = Match.Regex("2030-06-01T10:00:00Z", DateTimeWithOffset),
                archivedDate = Match.Regex("2030-06-02T10:00:00Z", DateTimeWithOffset),
            })
            .WillRespond()
            .WithStatus(200);
}
