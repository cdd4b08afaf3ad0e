using System.Text;
using BenchmarkDotNet.Attributes;
using Contracts.Accengage;
using Contracts.Ogangi;

namespace Contracts.Benchmarks.Signing;

/// <summary>
/// What signing adds to each call: Accengage's header signature (SHA1 over the body of a 100-target instant message,
/// the API key and the time) and Ogangi's path signature (HMAC-SHA256 over the parameters of a sendSMS).
/// </summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private static readonly string[] SendSmsParameters = ["8", "null", "19893653744", "MTMwNTY3MDgwODQ=", "T0dBTkdJIFRFU1QgTUVTU0FHRTogeW91ciBjb2RlIGlzIDg0NjU0Nw=="];
    private readonly OgangiSigner _ogangi = new("bench-private-key");
    private byte[] _instantMessageBody = null!;

    [GlobalSetup]
    public void Setup()
    {
        var targets = Enumerable.Range(0, 100).Select(i => $$$"""{"deviceId":"device-{{{i:D6}}}","data":{"firstname":"Customer {{{i}}}","order_id":"A-{{{100000 + i}}}"}}""");
        _instantMessageBody = Encoding.UTF8.GetBytes($$"""{"parentMessageId":4242,"text":"Hi ${firstname}, your order ${order_id} will be delivered today.","targets":[{{string.Join(',', targets)}}]}""");
    }

    [Benchmark]
    public string AccengageHeaderSignature() => AccengageSigner.Sign(_instantMessageBody, "bench-api-key", 1795435200);

    [Benchmark]
    public string OgangiPathSignature() => _ogangi.Sign(SendSmsParameters);
}
