using Contracts.Pacts.Matchers;
using Xunit.Abstractions;
using static Contracts.Ogangi.Tests.ConsumerContracts.OgangiContract;

namespace Contracts.Ogangi.Tests.ConsumerContracts;

/// <summary>
/// Consumer contracts of the sending methods (sendSMS, sendMT, sendMT with flags, sendSMSPinMobileNumberConfirm),
/// driven through the real client with the calls of <see cref="OgangiOperations"/>.
/// </summary>
public sealed class SmsContractTests(ITestOutputHelper output)
{
    private static readonly XmlPath Message = Result.Element("messages").Element("message");

    [Fact]
    public async Task SendSms_returns_the_message_Ogangi_created()
    {
        var path = SendSmsPath().SignedWith(PublicKey, PrivateKey);
        var builder = NewBuilder(output);
        AnswersXml(Get(builder, "an SMS to a mobile number through a named carrier (sendSMS)", path), DocumentSamples.SendSms)
            .WithBodyMatchingRule(Message, MatchingRule.MinType(1))
            .WithTextRules(
                Message,
                ("id", MessageIdPattern),
                ("carrier", null),
                ("from", null),
                ("to", null),
                ("text", null),
                ("status", null), // an open set: unknown values are kept, so any text is accepted
                ("statusDescription", null),
                ("encoding", null),
                ("date", MessageDatePattern),
                ("timezone", null),
                ("clientId", null));

        await VerifyAsync(builder, path, async client =>
        {
            var sent = await OgangiOperations.SendSms(client);

            var message = Assert.Single(sent.Messages!);
            Assert.Equal("-8174720676710228700", message.Id);
            Assert.Equal("SENT_TO_CARRIER", message.Status);
            Assert.Equal("13056708084", message.To);
            Assert.Equal("2013-09-17T10:13:59.176-04:30", message.Date);
        });
    }

    [Fact]
    public async Task SendMt_without_a_carrier_sends_null_and_returns_the_envelope()
    {
        var path = SendMtPath().SignedWith(PublicKey, PrivateKey);
        var builder = NewBuilder(output);
        AnswersXml(Get(builder, "an SMS through the Campaign Manager, carrier left to it (sendMT)", path), DocumentSamples.SendMt);

        await VerifyAsync(builder, path, async client =>
        {
            var answer = await OgangiOperations.SendMt(client);

            Assert.Equal("sendMT", answer.Input);
            Assert.Equal("OK", answer.Status);
        });
    }

    [Fact]
    public async Task SendMt_with_flags_adds_the_flags_segment()
    {
        var path = SendMtPath().Segment("null", SignedPath.AnySegmentShape).SignedWith(PublicKey, PrivateKey);
        var builder = NewBuilder(output);
        AnswersXml(Get(builder, "an SMS through the Campaign Manager with flags for a backend job (sendMT with flags)", path), DocumentSamples.SendMt);

        await VerifyAsync(builder, path, async client =>
        {
            var answer = await OgangiOperations.SendMtWithFlags(client);

            Assert.Equal("OK", answer.Status);
        });
    }

    [Fact]
    public async Task SendPin_returns_the_pin_as_text()
    {
        var path = SignedPath.Of("tools/sendSMSPinMobileNumberConfirm")
            .InstanceId(InstanceId)
            .Segment("Movistar", SignedPath.AnySegmentShape)
            .Segment("19893653744", SignedPath.AnySegmentShape)
            .Segment("13056708084", SignedPath.MobileNumberShape)
            .Base64Url("Your PIN code")
            .Segment("6", SignedPath.DecimalShape)
            .SignedWith(PublicKey, PrivateKey);
        var builder = NewBuilder(output);
        AnswersXml(Get(builder, "a PIN sent by SMS to confirm a mobile number (sendSMSPinMobileNumberConfirm)", path), DocumentSamples.SendPin)
            .WithTextRules(Result.Element("PinSMSConfirmation"), ("pin", CountPattern));

        await VerifyAsync(builder, path, async client =>
        {
            var confirmation = await OgangiOperations.SendPin(client);

            Assert.Equal("846547", confirmation.Pin);
        });
    }

    /// <summary>sendSMS: carrier, then short code, then the mobile number and the text, both Base64url.</summary>
    internal static SignedPath SendSmsPath()
        => SignedPath.Of("tools/sendSMS")
            .InstanceId(InstanceId)
            .Segment("carrierName", SignedPath.AnySegmentShape)
            .Segment("19893653744", SignedPath.AnySegmentShape)
            .Base64Url("13056708084")
            .Base64Url("OGANGI TEST MESSAGE");

    /// <summary>sendMT: short code, the literal null for no carrier, the plain mobile number, the text in Base64url.</summary>
    private static SignedPath SendMtPath()
        => SignedPath.Of("sendMT")
            .InstanceId(InstanceId)
            .Segment("19893653744", SignedPath.AnySegmentShape)
            .Literal("null")
            .Segment("13056708084", SignedPath.MobileNumberShape)
            .Base64Url("OGANGI TEST MESSAGE");
}
