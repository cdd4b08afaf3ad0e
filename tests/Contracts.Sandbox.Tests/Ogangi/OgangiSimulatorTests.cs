using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Contracts.Ogangi;
using Contracts.Ogangi.Tests;
using Contracts.Sandbox.Ogangi;
using static Contracts.Sandbox.Tests.Ogangi.OgangiWire;

namespace Contracts.Sandbox.Tests.Ogangi;

/// <summary>
/// The simulated Ogangi answers as the contract documents: raw calls signed by hand (the contract's worked examples
/// among them) for what the SDK would never send, and the SDK client for the friendly path.
/// </summary>
public sealed class OgangiSimulatorTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private HttpClient _http = null!;

    private OgangiSimulator Ogangi => _sandbox.Ogangi;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(ContractWorkspace());
        _http = new HttpClient { BaseAddress = _sandbox.OgangiBaseUrl };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    private Task<Answer> GetAsync(string method, params string[] values) => OgangiWire.GetAsync(_http, Path(method, values));

    private static string SendSmsMethod => "tools/sendSMS";

    private static string[] SendSmsValues(string carrier = "Movistar", string from = OgangiSandboxOptions.DemoShortCode, string mobileNumber = "13056708084", string text = "OGANGI TEST MESSAGE")
        => ["8", carrier, from, Base64Url(mobileNumber), Base64Url(text)];

    [Fact]
    public void The_simulator_signs_the_segments_the_contract_lists_for_every_operation()
    {
        var served = Ogangi.Methods.Select(m => $"{m.HttpMethod} {m.Method}: {string.Join('/', m.SignedSegments)}").Order();
        var documented = ContractDocument.Operations.Select(o => $"{o.HttpMethod} {o.MethodName}: {string.Join('/', o.SignedSegments)}").Order();

        Assert.Equal(documented, served);
    }

    public static TheoryData<string> ContractOperations() => new(ContractDocument.Operations.Select(o => o.OperationId));

    [Theory]
    [MemberData(nameof(ContractOperations))]
    public async Task The_contracts_worked_example_is_admitted_and_executed(string operationId)
    {
        var example = ContractDocument.Operation(operationId);
        var values = example.WorkedSignedText!.Split('/');
        using var request = new HttpRequestMessage(new HttpMethod(example.HttpMethod),
            $"{example.MethodName}/{string.Join('/', values.Select(Uri.EscapeDataString))}/{PublicKey}/{example.WorkedSignature}");
        request.Content = example.HttpMethod == "POST"
            ? new StringContent("""{"event":{"fld-val-list":{"sender_id_id":"43","keyword_value":"STOP","recipient_address":"13055468310"}}}""", Encoding.UTF8, "application/json")
            : null;

        using var response = await _http.SendAsync(request);
        var answer = await Answer.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, answer.HttpStatus);
        Assert.StartsWith("application/xml", answer.ContentType, StringComparison.Ordinal);
        Assert.Equal(("OK", "Completed"), (answer.Status, answer.Description));
    }

    [Fact]
    public async Task SendSms_answers_the_documented_message_and_stores_the_decoded_values()
    {
        var answer = await GetAsync(SendSmsMethod, SendSmsValues());

        Assert.Equal(("sendSMS", "OK", "Completed"), (answer.Input, answer.Status, answer.Description));
        var message = answer.Message;
        Assert.Equal(["id", "carrier", "from", "to", "text", "status", "statusDescription", "encoding", "date", "timezone", "clientId"], message.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("Movistar", message.Element("carrier")!.Value);
        Assert.Equal("13056708084", message.Element("to")!.Value);
        Assert.Equal("OGANGI TEST MESSAGE", message.Element("text")!.Value);
        Assert.Equal("SENT_TO_CARRIER", message.Element("status")!.Value);
        Assert.Equal("Sent to Carrier", message.Element("statusDescription")!.Value);
        Assert.Matches(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}[+-][0-9]{2}:[0-9]{2}$", message.Element("date")!.Value);
        var stored = Assert.Single(Ogangi.SentMessages);
        Assert.Equal(long.Parse(message.Element("id")!.Value, CultureInfo.InvariantCulture), stored.Id);
        Assert.Equal(("sendSMS", "19893653744", "13056708084", "OGANGI TEST MESSAGE"), (stored.Method, stored.From, stored.To, stored.Text));
    }

    public static TheoryData<string, string> Refusals() => new()
    {
        { "a signature with one character changed", "tools/sendSMS/8/Movistar/19893653744/MTMwNTY3MDgwODQ=/T0dBTkdJIFRFU1QgTUVTU0FHRQ==/examplePublicKey/" + Flip(Signature(PrivateKey, "8/Movistar/19893653744/MTMwNTY3MDgwODQ=/T0dBTkdJIFRFU1QgTUVTU0FHRQ==")) },
        { "the signature in upper case", "tools/sendSMS/8/Movistar/19893653744/MTMwNTY3MDgwODQ=/T0dBTkdJIFRFU1QgTUVTU0FHRQ==/examplePublicKey/" + Signature(PrivateKey, "8/Movistar/19893653744/MTMwNTY3MDgwODQ=/T0dBTkdJIFRFU1QgTUVTU0FHRQ==").ToUpperInvariant() },
        { "another private key", Path(SendSmsMethod, SendSmsValues(), privateKey: "someone-elses-key") },
        { "another public key", Path(SendSmsMethod, SendSmsValues(), publicKey: "anotherPublicKey") },
        { "another workspace", Path(SendSmsMethod, ["9", "Movistar", "19893653744", Base64Url("13056708084"), Base64Url("hi")]) },
        // The contract signs values before percent-encoding: a signature over the URL text of an escaped value is wrong.
        { "the URL text signed instead of the value", "tools/getMOMessages/8/1/10/keyword=%5EOGANGI.*/examplePublicKey/" + Signature(PrivateKey, "8/1/10/keyword=%5EOGANGI.*") },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_call_whose_keys_or_signature_do_not_match_is_bad_signature_with_http_200(string why, string path)
    {
        var answer = await OgangiWire.GetAsync(_http, path);

        Assert.True(answer.HttpStatus == HttpStatusCode.OK, why);
        Assert.Equal(("BAD_SIGNATURE", "Invalid signature, access denied"), (answer.Status, answer.Description));
        Assert.Null(answer.Result);
        Assert.Empty(Ogangi.SentMessages);
    }

    [Fact]
    public async Task The_signature_covers_decoded_values_so_an_escaped_search_string_is_admitted()
    {
        var answer = await OgangiWire.GetAsync(_http, "tools/getMOMessages/8/1/10/keyword=%5EOGANGI.*/examplePublicKey/" + Signature(PrivateKey, "8/1/10/keyword=^OGANGI.*"));

        Assert.Equal("OK", answer.Status);
        Assert.Equal(7, answer.Records);
    }

    [Fact]
    public async Task An_escaped_slash_stays_inside_its_segment()
    {
        var answer = await GetAsync("sendMT", "8", "short/code", "null", "13056708084", Base64Url("hi"));

        Assert.Equal("OK", answer.Status);
        var stored = Assert.Single(Ogangi.SentMessages);
        Assert.Equal("short/code", stored.From);
        Assert.Equal("BAD_FROM", stored.Status);
    }

    public static TheoryData<string, string[], string> MessageStatuses() => new()
    {
        { "tools/sendSMS", SendSmsValues(from: "99999"), "BAD_FROM" },
        { "tools/sendSMS", SendSmsValues(carrier: "movistar"), "BAD_CARRIER/FROM" },
        { "tools/sendSMS", SendSmsValues(mobileNumber: "not a number"), "BAD_TO" },
        { "tools/sendSMS", SendSmsValues(carrier: "null"), "SENT_TO_CARRIER" },
        { "tools/sendSMS", ["8", "Movistar", "19893653744", Base64Url("13056708084"), "_-8="], "BAD_ENCODING" },
        { "sendMT", ["8", "19893653744", "2", "13056708084", Base64Url("hi")], "SENT_TO_CARRIER" },
        { "sendMT", ["8", "19893653744", "Digitel", "13056708084", Base64Url("hi")], "BAD_CARRIER/FROM" },
    };

    [Theory]
    [MemberData(nameof(MessageStatuses))]
    public async Task A_message_the_workspace_cannot_send_is_created_with_the_documented_status(string method, string[] values, string status)
    {
        var answer = await GetAsync(method, values);

        Assert.Equal("OK", answer.Status);
        Assert.Equal(status, Assert.Single(Ogangi.SentMessages).Status);
    }

    public static TheoryData<string, string[]> InvalidValues() => new()
    {
        { "tools/sendSMS", ["8", "Movistar", "19893653744", "MTMwNTY3MDgwODQ", Base64Url("hi")] }, // padding dropped
        { "tools/sendSMS", ["8", "Movistar", "19893653744", Base64Url("13056708084"), "aGk+Pz8/"] }, // standard alphabet
        { "tools/sendSMSPinMobileNumberConfirm", ["8", "Movistar", "19893653744", "13056708084", Base64Url("PIN"), "0"] },
        { "tools/sendSMSPinMobileNumberConfirm", ["8", "Movistar", "19893653744", "13056708084", Base64Url("PIN"), "65"] },
        { "tools/getMOMessages", ["8", "0", "10", "null"] },
        { "tools/getMOMessages", ["8", "1", "ten", "null"] },
        { "tools/getMOMessages", ["8", "1", "10", "sender=13056708084"] },
        { "tools/getMOMessages", ["8", "1", "10", "keyword=("] },
        { "tools/getMOMessages", ["8", "1", "10", "order=sideways"] },
        { "tools/getMOMessages", ["8", "1", "10", "from"] },
        { "tools/getMOMessages", ["8", "1", "10", "from=1,,2"] },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public async Task A_signed_call_with_a_value_the_contract_does_not_allow_is_an_internal_error(string method, string[] values)
    {
        var answer = await GetAsync(method, values);

        Assert.Equal(HttpStatusCode.OK, answer.HttpStatus);
        Assert.Equal(("ERROR", "Internal error, please report this to support@messangi.com"), (answer.Status, answer.Description));
        Assert.Empty(Ogangi.SentMessages);
    }

    [Theory]
    [InlineData("GET", "tools/sendEmail/8/a/b/examplePublicKey/0000", 404)]
    [InlineData("GET", "tools/sendSMS/8/Movistar/19893653744/examplePublicKey/0000", 404)] // a segment missing
    [InlineData("GET", "rest/api/sendMT/8/1/null/2/aGk=/examplePublicKey/0000", 404)]
    [InlineData("GET", "", 404)]
    [InlineData("POST", "tools/sendSMS/8/Movistar/19893653744/MTMwNTY3MDgwODQ=/aGk=/examplePublicKey/0000", 405)]
    [InlineData("GET", "fireMessage/8/examplePublicKey/0000", 405)]
    [InlineData("GET", "sendMT/8/1/null/%C3%28/aGk=/examplePublicKey/0000", 400)] // not UTF-8
    public async Task A_request_no_method_serves_gets_the_servlet_containers_html_page(string verb, string path, int status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(verb), path);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>HTTP Status {status} ", body, StringComparison.Ordinal);
        if (status == 405)
            Assert.Equal(verb == "POST" ? "GET" : "POST", response.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task A_broken_percent_escape_is_a_bad_request_page()
    {
        // HttpClient would re-escape "%zz": the request line is written by hand.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _sandbox.BaseUrl.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /ogangi/sendMT/8/1/null/%zz/aGk=/examplePublicKey/0000 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var reply = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 400 ", reply, StringComparison.Ordinal);
        Assert.Contains("<h1>HTTP Status 400 – Bad Request</h1>", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sdk_client_sends_sms_mt_with_flags_and_pins_and_each_is_stored()
    {
        _sandbox.Ogangi.Reset();
        using var client = Client();

        var sms = Assert.Single((await client.SendSmsAsync("+13056708084", "Hola ñandú 👋", OgangiSandboxOptions.DemoShortCode, "Digitel")).Messages!);
        var mt = await client.SendMtAsync("13056708084", "through the CM", OgangiSandboxOptions.DemoShortCode, carrier: "3", flags: "priority=high");
        var pin = await client.SendPinAsync("13056708084", "Your PIN code", OgangiSandboxOptions.DemoShortCode, pinLength: 6);

        Assert.Equal(("SENT_TO_CARRIER", "Digitel", "Hola ñandú 👋"), (sms.Status, sms.Carrier, sms.Text));
        Assert.Equal("OK", mt.Status);
        Assert.Matches("^[0-9]{6}$", pin.Pin);
        Assert.Collection(Ogangi.SentMessages,
            m => Assert.Equal(("sendSMS", "Hola ñandú 👋", "Digitel", (string?)null), (m.Method, m.Text, m.Carrier, m.Flags)),
            m => Assert.Equal(("sendMT", "through the CM", "Movilnet", "priority=high"), (m.Method, m.Text, m.Carrier, m.Flags)),
            m => Assert.Equal(("sendSMSPinMobileNumberConfirm", "Movistar", pin.Pin), (m.Method, m.Carrier, m.Pin)));
    }

    [Fact]
    public async Task The_longest_text_the_sdk_sends_fits_the_request_line_and_arrives_whole()
    {
        using var client = Client();
        var text = new string('€', OgangiLimits.MaxTextLength); // 3 UTF-8 bytes each: the longest URL the SDK can build

        await client.SendSmsAsync("13056708084", text, OgangiSandboxOptions.DemoShortCode);

        Assert.Equal(text, Assert.Single(Ogangi.SentMessages).Text);
    }

    [Fact]
    public async Task The_sdk_client_signed_with_another_key_gets_bad_signature_and_nothing_is_sent()
    {
        var options = ClientOptions();
        options.PrivateKey = "not-the-workspace-key";
        using var client = new OgangiClient(options);

        var error = await Assert.ThrowsAsync<OgangiException>(() => client.SendSmsAsync("13056708084", "hi", OgangiSandboxOptions.DemoShortCode));

        Assert.True(error.IsBadSignature);
        Assert.Equal(200, error.StatusCode);
        Assert.Equal("Invalid signature, access denied", error.VendorMessage);
        Assert.Empty(Ogangi.SentMessages);
    }

    [Fact]
    public async Task Mo_messages_are_paged_with_the_total_on_every_page()
    {
        using var client = Client();
        var total = Ogangi.IncomingMessages.Count;

        var first = await client.GetMoMessagesAsync(page: 1, pageSize: 5);
        var last = await client.GetMoMessagesAsync(page: 3, pageSize: 5);
        var beyond = await client.GetMoMessagesAsync(page: 4, pageSize: 5);

        Assert.Equal(12, total);
        Assert.All([first, last, beyond], page => Assert.Equal(total, page.Records));
        Assert.Equal(5, first.Messages!.Count);
        Assert.Equal(2, last.Messages!.Count);
        Assert.Empty(beyond.Messages!);
        Assert.Equal("OGANGI TEST", first.Messages[0].Text); // oldest first without an order
        Assert.Equal("2014-10-13 10:30:51.922", first.Messages[0].SendDate);
    }

    [Fact]
    public async Task The_vendors_example_search_narrows_to_the_matching_messages_newest_first()
    {
        using var client = Client();

        var page = await client.GetMoMessagesAsync(1, 10, new OgangiMoFilter
        {
            From = ["13056708084"],
            To = ["19893143924"],
            Keywords = ["^OGANGI.*"],
            Carriers = ["movistar"],
            Order = OgangiSortOrder.Descending,
        });

        Assert.Equal(3, page.Records);
        Assert.Equal(["OGANGI again", "OGANGI promo code please", "OGANGI TEST"], page.Messages!.Select(m => m.Text));
        Assert.All(page.Messages!, m => Assert.Equal(("Movistar", "UTF-8"), (m.Carrier, m.Encoding)));
    }

    [Theory]
    [InlineData("carrier=Digitel,MOVILNET", 5)]
    [InlineData("keyword=^OGANGI$", 6)]
    [InlineData("keyword=PLUS", 1)] // found anywhere in the keyword
    [InlineData("keyword=^STOP,^HELP&to=43", 1)]
    [InlineData("FROM=58123456789&ORDER=ASC", 2)]
    [InlineData("null", 12)]
    public async Task Each_filter_narrows_the_records(string search, long records)
    {
        var answer = await GetAsync("tools/getMOMessages", "8", "1", "100", search);

        Assert.Equal("OK", answer.Status);
        Assert.Equal(records, answer.Records);
        Assert.Equal(records, answer.MoMessages.Count);
    }

    [Fact]
    public async Task Fired_and_added_incoming_messages_are_listed()
    {
        using var client = Client();
        Ogangi.AddIncomingMessage(new OgangiMoMessage("JOIN now", "584140000001", "43", "JOIN", "Digitel", DateTimeOffset.UtcNow));

        var get = await client.FireMessageAsync("584140000002", "INFO please");
        var post = await client.FireMessageAsync(FireMessageDescriptor.Create("43", "STOP", "584140000003"));
        var listed = await client.GetMoMessagesAsync(1, 10, new OgangiMoFilter { From = ["584140000001", "584140000002", "584140000003"] });

        Assert.Equal(("activateCampaign", "OK"), (get.Input, get.Status));
        Assert.Equal(("43", "584140000003", "STOP"), (post.MtSent!.From, post.MtSent.Mobilenumber, post.MtSent.Text));
        Assert.Equal(3, listed.Records);
        Assert.Equal(
            [("584140000001", "JOIN now", "JOIN", "43"), ("584140000002", "INFO please", "INFO", ""), ("584140000003", "STOP", "STOP", "43")],
            listed.Messages!.Select(m => (m.From, m.Text, m.Keyword, m.To)).Order());
    }

    [Fact]
    public async Task A_descriptor_without_the_workspaces_fields_is_an_internal_error()
    {
        using var client = Client();

        var error = await Assert.ThrowsAsync<OgangiException>(() => client.FireMessageAsync(FireMessageDescriptor.FromFields([new("mobilenumber", "584140000003")])));

        Assert.Equal(OgangiStatus.Error, error.Status);
        Assert.Equal(12, Ogangi.IncomingMessages.Count);
    }

    [Fact]
    public async Task Reset_restores_the_configured_workspace()
    {
        using var client = Client();
        await client.SendMtAsync("13056708084", "hi", OgangiSandboxOptions.DemoShortCode);
        await client.FireMessageAsync("584140000002", "INFO");
        Ogangi.FailsInternally = true;

        Ogangi.Reset();

        Assert.Empty(Ogangi.SentMessages);
        Assert.Equal(12, Ogangi.IncomingMessages.Count);
        Assert.False(Ogangi.FailsInternally);
    }

    [Fact]
    public async Task Provider_states_set_the_workspace_keys_and_the_internal_failure_until_teardown()
    {
        using var control = new HttpClient { BaseAddress = _sandbox.BaseUrl };
        const string workspace = "workspace 21 exists with public key pk21 and private key sk21";
        var sendMt = Path("sendMT", ["21", "19893653744", "null", "13056708084", Base64Url("hi")], publicKey: "pk21", privateKey: "sk21");

        (await control.PostAsJsonAsync("_sandbox/provider-states/ogangi", new { state = workspace, @params = new { instanceId = 21, publicKey = "pk21", privateKey = "sk21" }, action = "setup" })).EnsureSuccessStatusCode();
        Assert.Equal("OK", (await OgangiWire.GetAsync(_http, sendMt)).Status);

        (await control.PostAsJsonAsync("_sandbox/provider-states/Ogangi", new { state = "the Campaign Manager fails internally", action = "setup" })).EnsureSuccessStatusCode();
        Assert.Equal("ERROR", (await OgangiWire.GetAsync(_http, sendMt)).Status);

        (await control.PostAsJsonAsync("_sandbox/provider-states/ogangi", new { state = workspace, action = "teardown" })).EnsureSuccessStatusCode();
        Assert.Equal("BAD_SIGNATURE", (await OgangiWire.GetAsync(_http, sendMt)).Status);

        using var unknown = await control.PostAsJsonAsync("_sandbox/provider-states/ogangi", new { state = "the moon is full" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    private OgangiClientOptions ClientOptions()
    {
        var options = _sandbox.CreateOgangiClientOptions();
        options.RetryDelay = TimeSpan.Zero;
        return options;
    }

    private OgangiClient Client() => new(ClientOptions());

    private static string Flip(string signature) => (signature[0] == 'a' ? "b" : "a") + signature[1..];
}
