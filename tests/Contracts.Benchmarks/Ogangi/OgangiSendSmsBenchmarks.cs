using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using Contracts.Benchmarks.Harness;
using Contracts.Ogangi;

namespace Contracts.Benchmarks.Ogangi;

/// <summary>
/// One Ogangi sendSMS: the SDK's SendSmsAsync (validation, Base64url parameters, path escaping and HMAC-SHA256
/// signature in the send path's signing step, Kiota retry/user-agent/redirect, XML answer read by the generated
/// reader into the generated models) against
/// hand-written HttpClient code building and signing the same URL and reading the same answer with LINQ to XML.
/// </summary>
[MemoryDiagnoser]
public class OgangiSendSmsBenchmarks
{
    private const long InstanceId = 8;
    private const string PublicKey = "bench-public-key";
    private const string PrivateKey = "bench-private-key";
    private const string MobileNumber = "+13056708084";
    private const string Text = "OGANGI TEST MESSAGE: your code is 846547";
    private const string From = "19893653744";

    private const string Answer = """
        <response>
          <input>sendSMS</input>
          <status>OK</status>
          <description>Completed</description>
          <result>
            <messages>
              <message>
                <id>-8174720676710228700</id>
                <carrier>carrierName</carrier>
                <from>19893653744</from>
                <to>13056708084</to>
                <text>OGANGI TEST MESSAGE: your code is 846547</text>
                <status>SENT_TO_CARRIER</status>
                <statusDescription>Sent to Carrier</statusDescription>
                <encoding>UTF-8</encoding>
                <date>2013-09-17T10:13:59.176-04:30</date>
                <timezone>America/Caracas</timezone>
                <clientId>As223sdadq8d8287v5v</clientId>
              </message>
            </messages>
          </result>
        </response>
        """;

    private static readonly byte[] PrivateKeyBytes = Encoding.UTF8.GetBytes(PrivateKey);
    private readonly CannedHttpHandler _transport = new(CannedAnswer.ForPath("/sendSMS/", Answer, "application/xml"));
    private OgangiClient _sdk = null!;
    private HttpClient _baselineHttp = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var baseUrl = new Uri("http://ogangi.bench/messangi_mmc/rest/api/");
        _sdk = new OgangiClient(new OgangiClientOptions { BaseUrl = baseUrl, InstanceId = InstanceId, PublicKey = PublicKey, PrivateKey = PrivateKey }, _transport);
        _baselineHttp = new HttpClient(_transport, disposeHandler: false) { BaseAddress = baseUrl };

        // Both sides send the same bytes, and are warm (tokens and sessions cached, as in steady state).
        await _transport.ThrowUnlessSameRequestAsync(Sdk, HandWritten, "Accept");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _baselineHttp.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<string?> HandWritten()
    {
        var parameters = $"{InstanceId}/null/{From}/{Base64Url(MobileNumber[1..])}/{Base64Url(Text)}";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(PrivateKeyBytes, Encoding.UTF8.GetBytes(parameters)));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"tools/sendSMS/{parameters}/{PublicKey}/{signature}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));
        using var response = await _baselineHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        if ((string?)root.Element("status") != "OK")
            throw new InvalidOperationException($"sendSMS refused: {(string?)root.Element("description")}");
        var messages = root.Element("result")?.Element("messages")?.Elements("message").Select(BaselineSentSms.Read).ToList() ?? [];
        return messages[0].Id;
    }

    [Benchmark]
    public async Task<string?> Sdk()
    {
        var result = await _sdk.SendSmsAsync(MobileNumber, Text, From);
        return result.Messages![0].Id;
    }

    // Java's URL-safe Base64 with padding, as Ogangi decodes it.
    private static string Base64Url(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).Replace('+', '-').Replace('/', '_');

    /// <summary>The hand-written baseline's own type for a sent message: every field Ogangi documents.</summary>
    private sealed record BaselineSentSms(string? Id, string? CarrierName, string? Carrier, string? From, string? To, string? Text, string? Status,
        string? StatusDescription, string? Encoding, string? Date, string? Timezone, string? ClientId)
    {
        public static BaselineSentSms Read(XElement m) => new(
            (string?)m.Element("id"), (string?)m.Element("carrierName"), (string?)m.Element("carrier"), (string?)m.Element("from"),
            (string?)m.Element("to"), (string?)m.Element("text"), (string?)m.Element("status"), (string?)m.Element("statusDescription"),
            (string?)m.Element("encoding"), (string?)m.Element("date"), (string?)m.Element("timezone"), (string?)m.Element("clientId"));
    }
}
