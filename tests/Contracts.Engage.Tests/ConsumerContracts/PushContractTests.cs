using Contracts.Pacts;
using Contracts.Pacts.Matchers;
using Xunit.Abstractions;
using static Contracts.Engage.Tests.ConsumerContracts.EngageContract;

namespace Contracts.Engage.Tests.ConsumerContracts;

/// <summary>
/// Consumer contracts of the batch push: both ways of naming the calling numbers and every documented failure,
/// driven through the real client (validation, token handler, chunked batching).
/// </summary>
public sealed class PushContractTests(ITestOutputHelper output)
{
    private const string ProgramUuid = "3e1b9b27-d1f9-4c8d-800f-bb534d6928d6";

    [Fact]
    public async Task A_push_to_a_list_of_aNumbers_succeeds()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        PushWithANumbers(builder, "a batch push to a list of aNumbers", "the program and its aNumbers are configured")
            .WithStatus(200)
            .WithJsonBody(new { response = "success", message = (string?)null, errorCode = "", requestId = RequestId("329f83c4-38ca-4760-a18a-3fb44962c536") });

        await builder.VerifyAsync(async ctx =>
        {
            using var client = Client(ctx);

            var answer = await client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations());

            Assert.True(answer.IsSuccess);
            Assert.Equal("329f83c4-38ca-4760-a18a-3fb44962c536", answer.RequestId);
        });
    }

    [Fact]
    public async Task A_push_to_an_aNumber_group_is_sent_in_chunks_and_every_destination_is_accepted()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.UponReceiving("a batch push to an aNumber group")
            .Given("the program and an aNumber group are configured")
            .WithRequest(HttpMethod.Post, PushPath)
            .WithQuery("programContentUuid", Match.Regex(ProgramUuid, Patterns.Uuid))
            .WithHeader("Authorization", Bearer)
            .WithHeader("Accept", "application/json")
            .WithJsonBody(new
            {
                destinations = Match.MinType(DestinationShape, 1),
                aNumberGroupId = Match.Regex("935b91a0-f2fb-4c43-b629-63fea6634512", Patterns.Uuid),
                ttlSeconds = Match.Integer(960),
                keepAfterCall = Match.Boolean(false),
            })
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(new { response = "success", message = (string?)null, errorCode = "", requestId = RequestId("7d1c2a4e-5b6f-4a8e-9c0d-1e2f3a4b5c6d") });

        await builder.VerifyAsync(async ctx =>
        {
            using var client = Client(ctx, o => { o.BatchSize = 2; o.MaxConcurrency = 2; });
            var push = EngagePush.FromANumberGroup(Samples.Program, Samples.Group) with { TtlSeconds = EngagePush.RecommendedTtlSeconds };

            var chunks = await client.PushInChunksAsync(push, PersonalizedDestinations(5)).ToListAsync();

            Assert.Equal(3, chunks.Count);
            Assert.Equal([2, 2, 1], chunks.Select(c => c.Items.Count).Order().Reverse());
            Assert.All(chunks, c => Assert.Equal("7d1c2a4e-5b6f-4a8e-9c0d-1e2f3a4b5c6d", c.RequestId));
            Assert.Equal(5, chunks.Where(c => c.Outcome == Core.Batching.BatchItemOutcome.Accepted).Sum(c => c.Items.Count));
        });
    }

    [Fact]
    public async Task A_push_refused_with_http_200_and_errorCode_200_throws_with_the_vendors_details()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        PushWithANumbers(builder, "a batch push from aNumbers the service provider does not own", "one or more aNumbers are not associated with the service provider")
            .WithStatus(200)
            .WithJsonBody(RefusedPush("Not allowed to use one or more anumbers.", "Batch push could not complete push successfully.", 200, "51934465-cc14-4e68-97a0-af7d6faf9f55"));

        await builder.VerifyAsync(async ctx =>
        {
            using var client = Client(ctx);

            var refused = await Assert.ThrowsAsync<EngageException<BatchPushResponse>>(() => client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations()));

            Assert.Equal("200", refused.ErrorCode);
            Assert.Equal("51934465-cc14-4e68-97a0-af7d6faf9f55", refused.RequestId);
            Assert.Contains("Not allowed to use one or more anumbers.", refused.VendorMessage, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_push_for_a_misconfigured_program_throws_with_the_400_answer()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        PushWithANumbers(builder, "a batch push for a program that is not correctly configured", "the program is not correctly configured")
            .WithStatus(400)
            .WithJsonBody(RefusedPush("Invalid program setup on this program", "Batch push could not complete push successfully.", 400, "e9a76f6b-b921-4ffa-b6f2-1a29334073c4"));

        await builder.VerifyAsync(async ctx =>
        {
            using var client = Client(ctx);

            var refused = await Assert.ThrowsAsync<EngageException<BatchPushResponse>>(() => client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations()));

            Assert.Equal(400, refused.StatusCode);
            Assert.Equal("400", refused.ErrorCode);
            Assert.Equal("e9a76f6b-b921-4ffa-b6f2-1a29334073c4", refused.Result.RequestId);
        });
    }

    [Fact]
    public async Task A_push_naming_no_calling_numbers_is_refused_with_400()
    {
        // The friendly PushAsync refuses such a push before sending it; the generated operation is public and sends it.
        var builder = NewBuilder(output);
        TokenGranted(builder);
        builder.UponReceiving("a batch push with neither aNumbers nor an aNumber group")
            .Given("the program is configured")
            .WithRequest(HttpMethod.Post, PushPath)
            .WithQuery("programContentUuid", Match.Regex(ProgramUuid, Patterns.Uuid))
            .WithHeader("Authorization", Bearer)
            .WithJsonBody(new { destinations = Match.MinType(DestinationShape, 1), ttlSeconds = Match.Integer(3600), keepAfterCall = Match.Boolean(false) })
            .WillRespond()
            .WithStatus(400)
            .WithJsonBody(RefusedPush("Must send aNumbers or a valid ANumberGroupId", "Batch could not complete push successfully.", 400, "04707ac5-36e1-42f1-b747-355fad2d772b"));

        await builder.VerifyAsync(async ctx =>
        {
            using var client = Client(ctx);
            var body = new BatchPushRequest { Destinations = Samples.GuideDestinations(), TtlSeconds = 3600 };

            var refused = await Assert.ThrowsAsync<EngageException<BatchPushResponse>>(() => client.PushBatchAsync(Samples.Program, body));

            Assert.Equal(400, refused.StatusCode);
            Assert.Equal("Must send aNumbers or a valid ANumberGroupId", refused.Result.Response);
        });
    }

    [Fact]
    public async Task A_push_with_an_expired_token_is_retried_once_with_a_fresh_token_then_fails_as_unauthorized()
    {
        var builder = NewBuilder(output);
        TokenGranted(builder);
        PushWithANumbers(builder, "a batch push with an expired token", "the access token has expired")
            .WithStatus(401);

        await builder.VerifyAsync(async ctx =>
        {
            using var client = Client(ctx);

            var refused = await Assert.ThrowsAsync<EngageException>(() => client.PushAsync(Samples.GuidePush(), Samples.GuideDestinations()));

            Assert.True(refused.IsUnauthorized);
        });
    }

    /// <summary>The push request example in the ENGAGE Federated Batch Push guide: a list of aNumbers, a notBefore in UTC, the program in the query.</summary>
    private static ResponseBuilder PushWithANumbers(PactBuilder builder, string description, string providerState)
        => builder.UponReceiving(description)
            .Given(providerState)
            .WithRequest(HttpMethod.Post, PushPath)
            .WithQuery("programContentUuid", Match.Regex(ProgramUuid, Patterns.Uuid))
            .WithHeader("Authorization", Bearer)
            .WithHeader("Accept", "application/json")
            .WithJsonBody(new
            {
                destinations = Match.MinType(DestinationShape, 1),
                aNumbers = Match.MinMaxType(Match.Regex("+5014008029", Patterns.E164), 1, BatchPushRequest.MaxANumbers),
                notBefore = Match.Regex("2020-02-10T16:00:00Z", Patterns.UtcDateTime),
                ttlSeconds = Match.Integer(3600),
                keepAfterCall = Match.Boolean(false),
            })
            .WillRespond();

    /// <summary>ENGAGE's answer to a push it refuses: why (response), a message, the error code, the request id.</summary>
    private static object RefusedPush(string response, string message, int errorCode, string requestId) => new
    {
        response = Match.Type(response),
        message = Match.Type(message),
        errorCode = Match.Integer(errorCode),
        requestId = RequestId(requestId),
    };

    private static IEnumerable<Destination> PersonalizedDestinations(int count)
        => Samples.Numbered(count).Select(d =>
        {
            d.Personalization = new Dictionary<string, string> { ["MY_VAR"] = $"Hello {d.CustomTrackingId}" };
            return d;
        });
}
