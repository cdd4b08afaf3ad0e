using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Contracts.Benchmarks.Harness;
using Contracts.Engage;

namespace Contracts.Benchmarks.Engage;

/// <summary>
/// One ENGAGE push of 100 destinations: the SDK's PushAsync (validation, token cache, Kiota retry/user-agent/redirect,
/// bearer handler, generated client) against hand-written HttpClient code sending the same bytes, both over the same
/// in-memory transport.
/// </summary>
[MemoryDiagnoser]
public class EngagePushBenchmarks
{
    internal const string PushAnswer = """{"response":"success","message":null,"errorCode":"","requestId":"329f83c4-38ca-4760-a18a-3fb44962c536"}""";
    internal const string TokenAnswer = """{"accessToken":"opaque-benchmark-token","message":"Success","errorCode":0,"requestId":"12ab005b-1522-406b-82c9-a2ab9a1ff49d"}""";
    private static readonly Guid Program = Guid.Parse("3e1b9b27-d1f9-4c8d-800f-bb534d6928d6");
    private static readonly string[] ANumbers = ["+5014008029", "+5013509988"];

    private readonly CannedHttpHandler _transport = new(CannedAnswer.ForPath("/token", TokenAnswer), CannedAnswer.ForPath("/batch", PushAnswer));
    private EngageClient _sdk = null!;
    private EngagePush _push = null!;
    private Destination[] _destinations = null!;
    private HttpClient _baselineHttp = null!;
    private BaselineDestination[] _baselineDestinations = null!;
    private BaselineJsonContext _baselineJson = null!;

    [Params(100)]
    public int Destinations { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _sdk = new EngageClient(new EngageClientOptions { BaseUrl = new Uri("http://engage.bench/"), ClientId = "bench", ClientSecret = "bench-secret" }, _transport);
        _push = EngagePush.FromANumbers(Program, ANumbers) with { TtlSeconds = 960 };
        _destinations = Enumerable.Range(0, Destinations)
            .Select(i => new Destination { BNumber = $"+1555{i:D7}", CustomTrackingId = $"t-{i}", Personalization = new Dictionary<string, string> { ["MY_VAR"] = "Hello" } })
            .ToArray();
        _baselineHttp = new HttpClient(_transport, disposeHandler: false) { BaseAddress = new Uri("http://engage.bench/") };
        _baselineDestinations = _destinations.Select(d => new BaselineDestination(d.BNumber, new Dictionary<string, string>(d.Personalization!), d.CustomTrackingId)).ToArray();
        _baselineJson = new BaselineJsonContext(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        // Both sides send the same bytes, and are warm (tokens and sessions cached, as in steady state).
        await _transport.ThrowUnlessSameRequestAsync(Sdk, HandWritten, "Content-Type", "Authorization", "Accept");
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
        var body = JsonSerializer.SerializeToUtf8Bytes(new BaselinePushRequest(_baselineDestinations, ANumbers, 960, false), _baselineJson.BaselinePushRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, "federated/outbound/v2/batch?programContentUuid=3e1b9b27-d1f9-4c8d-800f-bb534d6928d6")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "opaque-benchmark-token");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _baselineHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var answer = await JsonSerializer.DeserializeAsync(stream, _baselineJson.BaselinePushResponse);
        if (answer is null || !(string.IsNullOrEmpty(answer.ErrorCode) || answer.ErrorCode == "0"))
            throw new InvalidOperationException("push refused");
        return answer.RequestId;
    }

    [Benchmark]
    public async Task<string?> Sdk()
    {
        var answer = await _sdk.PushAsync(_push, _destinations);
        return answer.RequestId;
    }
}
