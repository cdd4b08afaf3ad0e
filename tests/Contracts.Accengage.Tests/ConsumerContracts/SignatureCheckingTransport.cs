using Contracts.Core.Http;

namespace Contracts.Accengage.Tests.ConsumerContracts;

/// <summary>
/// The transport of the clients the consumer contracts drive: sends through a real socket handler and, for every
/// request that reaches the wire, recomputes Accengage-Signature from the bytes sent, independently of the SDK.
/// The Pact mock server can only check the shape of the signed headers (it does not know the API key); this
/// checks their value, and records what was sent, since the mock server does not say how often an interaction was
/// matched.
/// </summary>
internal sealed class SignatureCheckingTransport : DelegatingHandler
{
    private readonly string _apiKey;
    private readonly Lock _gate = new();
    private readonly List<string> _wronglySigned = [];
    private readonly List<string> _sent = [];

    public SignatureCheckingTransport(string apiKey)
        : base(VendorHttpPipeline.CreateTransport())
    {
        _apiKey = apiKey;
    }

    /// <summary>Every request sent so far, as <c>METHOD /path</c> (without the query), in order.</summary>
    public IReadOnlyList<string> Sent
    {
        get
        {
            lock (_gate)
                return _sent.ToArray();
        }
    }

    /// <summary>Fails when no request was sent, or when one was sent without a signature that holds.</summary>
    public void AssertEveryRequestWasSignedOverItsBytes()
    {
        lock (_gate)
        {
            Assert.True(_sent.Count > 0, "The client sent nothing.");
            Assert.True(_wronglySigned.Count == 0, "Wrongly signed: " + string.Join("; ", _wronglySigned));
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var time = Single(request, "Accengage-Time");
        var signature = Single(request, "Accengage-Signature");
        var holds = time is not null && signature == FakeAccengage.ExpectedSignature(body, _apiKey, time);
        lock (_gate)
        {
            _sent.Add($"{request.Method} {request.RequestUri?.AbsolutePath}");
            if (!holds)
                _wronglySigned.Add($"{request.Method} {request.RequestUri?.PathAndQuery} (time {time ?? "missing"}, signature {signature ?? "missing"})");
        }
        return await base.SendAsync(request, cancellationToken);
    }

    private static string? Single(HttpRequestMessage request, string header)
        => request.Headers.TryGetValues(header, out var values) && values.Count() == 1 ? values.First() : null;
}
