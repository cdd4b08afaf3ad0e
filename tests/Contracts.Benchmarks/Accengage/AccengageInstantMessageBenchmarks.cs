using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Contracts.Accengage;
using Contracts.Benchmarks.Harness;

namespace Contracts.Benchmarks.Accengage;

/// <summary>
/// One Accengage instant message to 100 targets, each with personal data: the SDK's generated SendInstantMessageAsync
/// (token cache, Kiota retry/user-agent/redirect, bearer handler, signing handler: SHA1 over body, API key and time)
/// against hand-written HttpClient code serialising, signing and posting the same bytes.
/// </summary>
[MemoryDiagnoser]
public class AccengageInstantMessageBenchmarks
{
    private const string PartnerId = "bench-partner";
    private const string ApiKey = "bench-api-key";
    private const string Token = "opaque-benchmark-token";
    private const long ParentMessageId = 4242;
    private const string Text = "Hi ${firstname}, your order ${order_id} will be delivered today.";
    private static readonly byte[] ApiKeyBytes = Encoding.UTF8.GetBytes(ApiKey);

    private readonly CannedHttpHandler _transport = new(
        CannedAnswer.ForPath("/v1/access_token", $$"""{"token_type":"Bearer","access_token":"{{Token}}"}"""),
        CannedAnswer.ForPath("/send", ""));
    private readonly FixedTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private AccengageClient _sdk = null!;
    private InstantMessage _message = null!;
    private HttpClient _baselineHttp = null!;
    private BaselineTarget[] _baselineTargets = null!;
    private BaselineAccengageJsonContext _baselineJson = null!;

    [Params(100)]
    public int Targets { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        var baseUrl = new Uri("http://accengage.bench/");
        var options = new AccengageClientOptions { BaseUrl = baseUrl, PartnerId = PartnerId, ApiKey = ApiKey, UserEmail = "bench@example.com" };
        _sdk = new AccengageClient(options, _transport, loggerFactory: null, timeProvider: _time);
        var targets = Enumerable.Range(0, Targets).Select(i => (Device: $"device-{i:D6}", Name: $"Customer {i}", Order: $"A-{100000 + i}")).ToArray();
        _message = new InstantMessage
        {
            ParentMessageId = ParentMessageId,
            Text = Text,
            Targets = targets.Select(t => new Target { DeviceId = t.Device, Data = new Dictionary<string, object> { ["firstname"] = t.Name, ["order_id"] = t.Order } }).ToList(),
        };
        _baselineHttp = new HttpClient(_transport, disposeHandler: false) { BaseAddress = baseUrl };
        _baselineTargets = targets.Select(t => new BaselineTarget(t.Device, new Dictionary<string, string> { ["firstname"] = t.Name, ["order_id"] = t.Order })).ToArray();
        _baselineJson = new BaselineAccengageJsonContext(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        // Both sides send the same bytes, and are warm (tokens and sessions cached, as in steady state).
        await _transport.ThrowUnlessSameRequestAsync(Sdk, HandWritten, "Content-Type", "Authorization", AccengageSigner.TimeHeader, AccengageSigner.SignatureHeader);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _baselineHttp.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task HandWritten()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new BaselineInstantMessage(_baselineTargets, ParentMessageId, Text), _baselineJson.BaselineInstantMessage);
        var time = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha1.AppendData(body);
        sha1.AppendData(ApiKeyBytes);
        sha1.AppendData(Encoding.UTF8.GetBytes(time));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v1/me/apps/{PartnerId}/send")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        request.Headers.TryAddWithoutValidation(AccengageSigner.TimeHeader, time);
        request.Headers.TryAddWithoutValidation(AccengageSigner.SignatureHeader, Convert.ToHexStringLower(sha1.GetHashAndReset()));
        using var response = await _baselineHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
    }

    [Benchmark]
    public Task Sdk() => _sdk.SendInstantMessageAsync(PartnerId, _message);
}
