using Contracts.Pacts.Matchers;
using Xunit.Abstractions;
using static Contracts.Ogangi.Tests.ConsumerContracts.OgangiContract;

namespace Contracts.Ogangi.Tests.ConsumerContracts;

/// <summary>
/// Consumer contracts of the incoming-message methods (fireMessage by GET and by POST with the JSON descriptor,
/// getMOMessages), driven through the real client with the calls of <see cref="OgangiOperations"/>.
/// </summary>
public sealed class IncomingMessagesContractTests(ITestOutputHelper output)
{
    private static readonly XmlPath MoMessageList = Result.Element("MOMessageList");
    private static readonly XmlPath MoMessage = MoMessageList.Element("MOMessage");

    [Fact]
    public async Task FireMessage_by_get_returns_the_envelope_whatever_method_it_names()
    {
        var path = SignedPath.Of("fireMessage")
            .InstanceId(InstanceId)
            .Segment("1200000001", SignedPath.MobileNumberShape)
            .Base64Url("Test qa API fireMessage.")
            .SignedWith(PublicKey, PrivateKey);
        var builder = NewBuilder(output);
        // The Fire Message sample answer in the Messangi RESTful API documentation names activateCampaign in <input>: the client must not rely on it.
        AnswersXml(Get(builder, "an incoming message fired for a mobile number (fireMessage)", path), DocumentSamples.FireMessage)
            .WithTextRules(Response, ("input", null));

        await VerifyAsync(builder, path, async client =>
        {
            var answer = await OgangiOperations.FireMessage(client);

            Assert.Equal("OK", answer.Status);
            Assert.Equal("activateCampaign", answer.Input);
        });
    }

    [Fact]
    public async Task FireMessage_by_post_sends_the_descriptor_as_json_and_signs_the_instance_id_only()
    {
        var path = SignedPath.Of("fireMessage").InstanceId(InstanceId).SignedWith(PublicKey, PrivateKey);
        var mtSent = Result.Element("mtSent");
        var builder = NewBuilder(output);
        var request = builder.UponReceiving("an incoming message fired with a fire message descriptor (fireMessage POST)")
            .Given(WorkspaceExists, WorkspaceKeys)
            .WithRequest(HttpMethod.Post, path.Matcher)
            .WithHeader("Accept", XmlContentType)
            .WithJsonBody(new Dictionary<string, object>
            {
                ["event"] = new Dictionary<string, object>
                {
                    ["fld-val-list"] = new Dictionary<string, object>
                    {
                        ["sender_id_id"] = Match.Type("SENDER_ID_CODE"),
                        ["keyword_value"] = Match.Type("STOP"),
                        ["recipient_address"] = Match.Type("13055468310"),
                    },
                },
            });
        AnswersXml(request, DocumentSamples.FireMessagePost)
            .WithTextRules(mtSent, ("from", null), ("mobilenumber", null), ("text", null));

        await VerifyAsync(builder, path, async client =>
        {
            var fired = await OgangiOperations.FireMessageWithDescriptor(client);

            Assert.Equal("43", fired.MtSent?.From);
            Assert.Equal("1200000001", fired.MtSent?.Mobilenumber);
            Assert.Equal("Test qa API fireMessage.", fired.MtSent?.Text);
        });
    }

    [Fact]
    public async Task GetMoMessages_sends_the_search_string_as_the_vendor_writes_it_and_reads_the_page()
    {
        var path = GetMoMessagesPath().SignedWith(PublicKey, PrivateKey);
        var builder = NewBuilder(output);
        AnswersXml(Get(builder, "a page of incoming messages narrowed by the MO search string (getMOMessages)", path), DocumentSamples.MoMessages)
            .WithTextRules(MoMessageList, ("records", CountPattern))
            .WithBodyMatchingRule(MoMessage, MatchingRule.MinType(1))
            .WithTextRules(
                MoMessage,
                ("text", null),
                ("from", null),
                ("to", null),
                ("encoding", null),
                ("keyword", null),
                ("carrier", null),
                ("sendDate", MoSendDatePattern));

        await VerifyAsync(builder, path, async client =>
        {
            var page = await OgangiOperations.GetMoMessages(client);

            Assert.Equal(17, page.Records);
            var message = Assert.Single(page.Messages!);
            Assert.Equal("58123456789", message.From);
            Assert.Equal("^OGANGI.*", message.Keyword);
            Assert.Equal("2014-10-13 10:30:51.922", message.SendDate);
        });
    }

    /// <summary>Page 1 of 10 with the vendor's example search string, percent-encoded as the vendor writes it.</summary>
    internal static SignedPath GetMoMessagesPath()
        => SignedPath.Of("tools/getMOMessages")
            .InstanceId(InstanceId)
            .Segment("1", SignedPath.DecimalShape)
            .Segment("10", SignedPath.DecimalShape)
            .Segment("from=13056708084&order=desc&to=19893143924&keyword=%5EOGANGI.*&carrier=movistar", SignedPath.AnySegmentShape);
}
