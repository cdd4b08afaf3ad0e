using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Contracts.Accengage.Tests;

/// <summary>
/// The signing step over every kind of body a caller's handler or a hand-built request can carry: a body held in a
/// byte array is hashed as it writes itself, any other is read once and sent from that copy; either way the signature
/// covers exactly the bytes that leave.
/// </summary>
public sealed class SigningHandlerBodyTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private const string Json = """{"text":"Bienvenue à bord, ${firstname} ! 🎉","targets":[{"deviceId":"F31548D3"}]}""";

    public static TheoryData<string> Bodies => ["bytes", "string", "stream", "one-shot stream", "none"];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task The_signature_covers_the_bytes_sent(string kind)
    {
        var sent = new RecordingTransport();
        using var invoker = new HttpMessageInvoker(new AccengageSigningHandler(FakeAccengage.ApiKey, new FakeTimeProvider(Now), signDeleteBody: true) { InnerHandler = sent });
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.accengage.test/v1/me/apps/p/send") { Content = Body(kind) };

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        var time = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(kind == "none" ? [] : Encoding.UTF8.GetBytes(Json), sent.Body);
        Assert.Equal(time, sent.Header(AccengageSigner.TimeHeader));
        Assert.Equal(FakeAccengage.ExpectedSignature(sent.Body, FakeAccengage.ApiKey, time), sent.Header(AccengageSigner.SignatureHeader));
        if (kind != "none")
            Assert.Equal("application/json", sent.ContentType);
    }

    private static HttpContent? Body(string kind)
    {
        var bytes = Encoding.UTF8.GetBytes(Json);
        HttpContent? content = kind switch
        {
            "bytes" => new ByteArrayContent(bytes),
            "string" => new StringContent(Json, Encoding.UTF8),
            "stream" => new StreamContent(new MemoryStream(bytes)),
            "one-shot stream" => new StreamContent(new OneShotStream(bytes)),
            _ => null,
        };
        if (content is not null)
            content.Headers.ContentType = new("application/json");
        return content;
    }

    /// <summary>A body that can be read once only, as a network stream: signing must not read it twice.</summary>
    private sealed class OneShotStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }

    private sealed class RecordingTransport : HttpMessageHandler
    {
        private HttpRequestMessage? _request;

        public byte[] Body { get; private set; } = [];

        public string? ContentType => _request?.Content?.Headers.ContentType?.MediaType;

        public string? Header(string name) => _request!.Headers.TryGetValues(name, out var values) ? values.Single() : null;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _request = request;
            Body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
        }
    }
}
