using Contracts.Core;

namespace Contracts.Ogangi.Tests;

/// <summary>
/// What the Messangi RESTful API documentation leaves open: an MO page whose count says it holds messages but none
/// was read is an error, and the two readings of what the signature covers are both available.
/// </summary>
public sealed class ReadingPolicyTests : IAsyncLifetime
{
    private FakeOgangi _ogangi = null!;

    public async Task InitializeAsync() => _ogangi = await FakeOgangi.StartAsync();

    public async Task DisposeAsync() => await _ogangi.DisposeAsync();

    private static string MoList(long records, string messages) => $"""
        <response><input>getMOMessages</input><status>OK</status><description>Completed</description>
        <result><MOMessageList><records>{records}</records>{messages}</MOMessageList></result></response>
        """;

    [Fact]
    public async Task Records_without_any_message_found_is_an_unreadable_answer_carrying_the_body()
    {
        // The messages nested one level deeper than the contract infers: the count says 3, the reader finds none.
        _ogangi.Answer = _ => (200, "application/xml", MoList(3, "<messages><MOMessage><text>Test</text></MOMessage></messages>"));
        using var client = new OgangiClient(_ogangi.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => client.GetMoMessagesAsync(1, 10));

        Assert.Equal("Ogangi", error.Vendor);
        Assert.Equal("getMOMessages", error.Operation);
        Assert.Contains("<records>3</records>", error.RawBody, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeOgangi.PublicKey, error.RawBody ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_past_the_last_one_is_empty_without_error()
    {
        _ogangi.Answer = _ => (200, "application/xml", MoList(3, ""));
        using var client = new OgangiClient(_ogangi.Options());

        var page = await client.GetMoMessagesAsync(2, 10);

        Assert.Equal(3, page.Records);
        Assert.Empty(page.Messages!);
    }

    [Fact]
    public async Task Signing_as_in_the_url_covers_the_percent_encoded_mo_filter()
    {
        _ogangi.Answer = _ => (200, "application/xml", MoList(0, ""));
        using var client = new OgangiClient(_ogangi.Options(o => o.SignedForm = OgangiSignedForm.AsInUrl));

        await client.GetMoMessagesAsync(1, 10, new OgangiMoFilter { Keywords = ["^OGANGI.*"] });

        var call = Assert.Single(_ogangi.Calls);
        Assert.Contains("%5EOGANGI.*", call.RawParameters[^1], StringComparison.Ordinal);
        Assert.Equal(IndependentSignature.Of(FakeOgangi.PrivateKey, string.Join('/', call.RawParameters)), call.Signature);
        Assert.False(call.SignatureIsValid(FakeOgangi.PrivateKey)); // the decoded reading differs for this value
    }

    [Fact]
    public async Task By_default_the_decoded_values_are_signed()
    {
        _ogangi.Answer = _ => (200, "application/xml", MoList(0, ""));
        using var client = new OgangiClient(_ogangi.Options());

        await client.GetMoMessagesAsync(1, 10, new OgangiMoFilter { Keywords = ["^OGANGI.*"] });

        Assert.True(Assert.Single(_ogangi.Calls).SignatureIsValid(FakeOgangi.PrivateKey));
    }

    [Fact]
    public async Task Signing_the_fire_message_body_covers_the_instance_id_then_the_json()
    {
        using var client = new OgangiClient(_ogangi.Options(o => o.SignFireMessageBody = true));

        // The fake checks the path-only signature: this call is refused by design, and its signature is checked here.
        await Assert.ThrowsAsync<OgangiException>(() => client.FireMessageAsync(FireMessageDescriptor.Create("43", "hi", "1200000001")));

        var call = Assert.Single(_ogangi.Calls);
        Assert.Equal(IndependentSignature.Of(FakeOgangi.PrivateKey, $"{FakeOgangi.InstanceId}/{call.Request.BodyText}"), call.Signature);
    }

    [Fact]
    public async Task A_pin_answer_that_says_ok_without_the_pin_is_an_unreadable_answer()
    {
        _ogangi.Answer = _ => (200, "application/xml", "<response><input>sendSMSPinMobileNumberConfirm</input><status>OK</status><description>Completed</description><result/></response>");
        using var client = new OgangiClient(_ogangi.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => OgangiOperations.SendPin(client));

        Assert.Equal("sendSMSPinMobileNumberConfirm", error.Operation);
        Assert.Contains("<result/>", error.RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_sms_answer_that_says_ok_without_the_message_is_an_unreadable_answer()
    {
        _ogangi.Answer = _ => (200, "application/xml", "<response><input>sendSMS</input><status>OK</status><description>Completed</description><result><messages/></result></response>");
        using var client = new OgangiClient(_ogangi.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => OgangiOperations.SendSms(client));

        Assert.Equal("sendSMS", error.Operation);
    }
}
