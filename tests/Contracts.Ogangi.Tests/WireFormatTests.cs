using System.Text.Json;

namespace Contracts.Ogangi.Tests;

/// <summary>What the client puts on the wire for each operation, byte for byte.</summary>
public sealed class WireFormatTests : IAsyncLifetime
{
    private FakeOgangi _ogangi = null!;

    public async Task InitializeAsync() => _ogangi = await FakeOgangi.StartAsync();

    public async Task DisposeAsync() => await _ogangi.DisposeAsync();

    public static TheoryData<string, string, string> ExpectedRequests() => new()
    {
        { "sendSms", "GET", "/mmc/rest/api/tools/sendSMS/8/carrierName/19893653744/MTMwNTY3MDgwODQ=/T0dBTkdJIFRFU1QgTUVTU0FHRQ==/examplePublicKey/ddd21302abb97b3090da3bb832ec6834fe45f091b25cbe156ebcf52eddecea07" },
        { "sendMt", "GET", "/mmc/rest/api/sendMT/8/19893653744/null/13056708084/T0dBTkdJIFRFU1QgTUVTU0FHRQ==/examplePublicKey/ae7a3fecf6915dfb0c8a06b707eddb6c1dc271f56486d55f9b746e031c5193f0" },
        { "sendMtWithFlags", "GET", "/mmc/rest/api/sendMT/8/19893653744/null/13056708084/T0dBTkdJIFRFU1QgTUVTU0FHRQ==/null/examplePublicKey/bf1e539f6e7921a87ee10a1edfa603b2cf49eecf705bff91ca05be88aee82400" },
        { "sendSmsPinMobileNumberConfirm", "GET", "/mmc/rest/api/tools/sendSMSPinMobileNumberConfirm/8/Movistar/19893653744/13056708084/WW91ciBQSU4gY29kZQ==/6/examplePublicKey/88a6a26ca8efa84255e2e3eb71087425b2b9eb73808456403cf7d72ad5211d0d" },
        { "fireMessage", "GET", "/mmc/rest/api/fireMessage/8/1200000001/VGVzdCBxYSBBUEkgZmlyZU1lc3NhZ2Uu/examplePublicKey/c3d3a59f151cab71729691842fcbe217b50d36c381f4cef8a0a41a4bce6aec71" },
        { "fireMessageWithDescriptor", "POST", "/mmc/rest/api/fireMessage/8/examplePublicKey/5560a0370c48af40c4a79fb0b30a14a6eb0b15ee8f825287d1efb1c2f49b24b9" },
        // The MO search string exactly as the vendor's example writes it.
        { "getMoMessages", "GET", "/mmc/rest/api/tools/getMOMessages/8/1/10/from=13056708084&order=desc&to=19893143924&keyword=%5EOGANGI.*&carrier=movistar/examplePublicKey/d974926cc2ffdde0743c412a988528b586b6e3b50630cc1a40d0239876dc7b45" },
    };

    [Theory]
    [MemberData(nameof(ExpectedRequests))]
    public async Task Each_operation_sends_its_exact_path(string operationId, string method, string path)
    {
        using var client = new OgangiClient(_ogangi.Options());

        await OgangiOperations.Calls[operationId](client);

        var request = Assert.Single(_ogangi.Server.Requests);
        Assert.Equal(method, request.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal("", request.Query);
        Assert.Equal("application/xml", request.Header("Accept"));
        Assert.Contains("Contracts.Ogangi/", request.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fire_message_post_sends_the_descriptor_as_json()
    {
        using var client = new OgangiClient(_ogangi.Options());

        await OgangiOperations.Calls["fireMessageWithDescriptor"](client);

        var request = Assert.Single(_ogangi.Server.Requests);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("""{"event":{"fld-val-list":{"sender_id_id":"SENDER_ID_CODE","keyword_value":"STOP","recipient_address":"13055468310"}}}""", request.BodyText);
    }

    [Fact]
    public async Task Fire_message_post_with_renamed_fields_sends_them_as_given()
    {
        using var client = new OgangiClient(_ogangi.Options());
        var descriptor = FireMessageDescriptor.FromFields([new("shortcode", "43"), new("mobilenumber", "+1200000001"), new("text", "Olá 😀")]);

        await client.FireMessageAsync(descriptor);

        using var body = JsonDocument.Parse(Assert.Single(_ogangi.Server.Requests).Body);
        var fields = body.RootElement.GetProperty("event").GetProperty("fld-val-list");
        Assert.Equal("43", fields.GetProperty("shortcode").GetString());
        Assert.Equal("+1200000001", fields.GetProperty("mobilenumber").GetString());
        Assert.Equal("Olá 😀", fields.GetProperty("text").GetString());
        Assert.Equal(3, fields.EnumerateObject().Count());
        // Plain UTF-8 rather than HTML-safe escapes (System.Text.Json still escapes characters outside the BMP).
        Assert.Contains("\"Olá ", Assert.Single(_ogangi.Server.Requests).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Absent_optional_segments_are_the_literal_null_and_are_signed()
    {
        using var client = new OgangiClient(_ogangi.Options());

        await client.SendSmsAsync("13056708084", "hi", "19893653744");
        await client.SendPinAsync("13056708084", "Your PIN", "19893653744", 6);
        await client.GetMoMessagesAsync(2, 50);
        await client.GetMoMessagesAsync(3, 50, new OgangiMoFilter());

        var calls = _ogangi.Calls;
        Assert.Equal("null", calls[0].RawParameters[1]);
        Assert.Equal("null", calls[1].RawParameters[1]);
        Assert.Equal(["8", "2", "50", "null"], calls[2].RawParameters);
        Assert.Equal(["8", "3", "50", "null"], calls[3].RawParameters);
        Assert.All(calls, c => Assert.True(c.SignatureIsValid(FakeOgangi.PrivateKey), c.ToString()));
    }

    [Fact]
    public async Task Mobile_number_with_a_plus_is_sent_as_digits()
    {
        using var client = new OgangiClient(_ogangi.Options());

        await client.SendMtAsync("+13056708084", "hi", "19893653744");
        await client.SendSmsAsync("+13056708084", "hi", "19893653744");

        var calls = _ogangi.Calls;
        Assert.Equal("13056708084", calls[0].Parameters[3]);
        Assert.Equal("MTMwNTY3MDgwODQ=", calls[1].RawParameters[3]);
    }

    [Fact]
    public async Task Mo_filter_joins_several_values_with_commas_in_the_vendor_order()
    {
        using var client = new OgangiClient(_ogangi.Options());
        var filter = new OgangiMoFilter { Carriers = ["movistar", "digitel"], Keywords = ["^A.*", "B$"], Order = OgangiSortOrder.Ascending, To = ["1"] };

        await client.GetMoMessagesAsync(1, 10, filter);

        var call = Assert.Single(_ogangi.Calls);
        Assert.Equal("order=asc&to=1&keyword=^A.*,B$&carrier=movistar,digitel", call.Parameters[3]);
        Assert.Equal("order=asc&to=1&keyword=%5EA.*,B%24&carrier=movistar,digitel", call.RawParameters[3]);
    }

    [Fact]
    public async Task A_retried_call_resends_the_same_signed_url()
    {
        var attempts = 0;
        // 429: Ogangi did not act on the call, so it is sent again (a 503 would leave the SMS's fate unknown: not re-sent).
        _ogangi.Answer = _ => Interlocked.Increment(ref attempts) == 1 ? (429, "text/plain", "") : (200, "application/xml", DocumentSamples.SendMt);
        using var client = new OgangiClient(_ogangi.Options());

        await client.SendMtAsync("13056708084", "hi", "19893653744");

        var requests = _ogangi.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Path, requests[1].Path);
        Assert.True(_ogangi.Calls[1].SignatureIsValid(FakeOgangi.PrivateKey));
    }

    [Fact]
    public async Task A_message_call_answered_503_is_not_sent_again_and_its_fate_is_unknown()
    {
        // sendMT is a GET that sends an SMS: the contract marks it x-idempotent: false.
        _ogangi.Answer = _ => (503, "text/plain", "");
        using var client = new OgangiClient(_ogangi.Options());

        var error = await Assert.ThrowsAsync<OgangiException>(() => client.SendMtAsync("13056708084", "hi", "19893653744"));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(Contracts.Core.DeliveryState.Unknown, error.Delivery);
        Assert.Single(_ogangi.Server.Requests);
    }
}
