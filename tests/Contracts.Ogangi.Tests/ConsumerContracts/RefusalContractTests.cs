using Xunit.Abstractions;
using static Contracts.Ogangi.Tests.ConsumerContracts.OgangiContract;

namespace Contracts.Ogangi.Tests.ConsumerContracts;

/// <summary>
/// Consumer contracts of Ogangi's documented refusals: the XML envelope with a status other than OK, which the client
/// turns into an <see cref="OgangiException"/>. Ogangi does not document the HTTP status of a refusal; the contract
/// declares only 200, so these interactions use it (the client reads the status whatever the HTTP status).
/// </summary>
public sealed class RefusalContractTests(ITestOutputHelper output)
{
    private const string ForeignPrivateKey = "notThePrivateKeyOfExamplePublicKey";

    [Fact]
    public async Task A_call_signed_with_another_private_key_is_refused_with_BAD_SIGNATURE()
    {
        // Same workspace, same keys on the provider's side: only the signature is wrong, and the provider finds it out.
        var path = SmsContractTests.SendSmsPath().SignedWith(PublicKey, ForeignPrivateKey);
        var builder = NewBuilder(output);
        AnswersXml(
            Get(builder, "an SMS signed with a private key that is not the public key's (sendSMS refused)", path),
            DocumentSamples.Refusal("sendSMS", "BAD_SIGNATURE", DocumentSamples.BadSignatureDescription));

        await VerifyAsync(builder, path, async client =>
        {
            var refused = await Assert.ThrowsAsync<OgangiException>(() => OgangiOperations.SendSms(client));

            Assert.True(refused.IsBadSignature);
            Assert.Equal("BAD_SIGNATURE", refused.ErrorCode);
            Assert.Equal(DocumentSamples.BadSignatureDescription, refused.VendorMessage);
            Assert.Equal(200, refused.StatusCode);
            Assert.DoesNotContain(ForeignPrivateKey, refused.ToString(), StringComparison.Ordinal);
        }, privateKey: ForeignPrivateKey);
    }

    [Fact]
    public async Task An_internal_error_is_refused_with_ERROR_and_its_description()
    {
        var path = IncomingMessagesContractTests.GetMoMessagesPath().SignedWith(PublicKey, PrivateKey);
        var builder = NewBuilder(output);
        AnswersXml(
            Get(builder, "a page of incoming messages while the Campaign Manager fails (getMOMessages refused)", path).Given("the Campaign Manager fails internally"),
            DocumentSamples.Refusal("getMOMessages", "ERROR", DocumentSamples.ErrorDescription));

        await VerifyAsync(builder, path, async client =>
        {
            var refused = await Assert.ThrowsAsync<OgangiException>(() => OgangiOperations.GetMoMessages(client));

            Assert.Equal(OgangiStatus.Error, refused.Status);
            Assert.False(refused.IsBadSignature);
            Assert.Equal("ERROR", refused.ErrorCode);
            Assert.Equal(DocumentSamples.ErrorDescription, refused.VendorMessage);
            Assert.Equal("getMOMessages", refused.Method);
        });
    }
}
