using Contracts.Core;

namespace Contracts.Hostile.Tests.Onc;

/// <summary>
/// An answer well under the size limit whose result holds a member the contract does not name, nested fifty thousand
/// elements deep (half a megabyte): the serializer keeps unknown members as extension data, reading them one nesting
/// level per call, so without a depth limit it would overflow the stack and end the process, which nothing can catch.
/// The call must fail typed, and the client go on working.
/// </summary>
public sealed class OncDeepNestingTests : OncHost
{
    private const int Depth = 50_000;

    private static string DeeplyNested(string prefix)
        => $"<{prefix}:Extra>" + string.Concat(Enumerable.Repeat($"<{prefix}:x>", Depth)) + string.Concat(Enumerable.Repeat($"</{prefix}:x>", Depth)) + $"</{prefix}:Extra>";

    [Fact]
    public async Task A_session_answer_nested_far_deeper_than_the_contract_fails_typed_and_the_client_goes_on()
    {
        var first = true;
        OpenScript = (_, exchange) =>
        {
            var session = IssueSession();
            var answer = OpenAnswer(0, null, session);
            if (first)
            {
                first = false;
                answer = answer.Replace("</OpenAPISessionResult>", DeeplyNested("a") + "</OpenAPISessionResult>", StringComparison.Ordinal);
            }
            return AnswerAsync(exchange, answer);
        };
        // Ample time: the point is the stack, not the clock, and the machine may be busy.
        await using var client = Client(o => (o.MaxRetries, o.Timeout) = (0, Guarantees.Patience / 2));

        var error = await Guarantees.FailsWithin(() => client.GetCampaignListingAsync());

        // The session could not be opened: nothing was sent with it, and the depth limit is named.
        var refused = Assert.IsType<AccessTokenException>(error);
        Assert.Equal(DeliveryState.NotSent, refused.Delivery);
        Assert.Contains("maximum read depth", refused.Message, StringComparison.Ordinal);
        Guarantees.NoSecretIn(error, Secrets);
        Assert.Empty(ListingRequests);
        Assert.Contains(Campaign, await client.GetCampaignListingAsync().WaitAsync(Guarantees.Patience));
        Assert.Equal(2, OpenRequests.Count);
    }
}
