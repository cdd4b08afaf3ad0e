using System.Net;
using System.Text;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// An in-memory transport answering every request with a canned answer chosen by the request, so the SDK and the
/// hand-written baseline pay for exactly the same HTTP work: none but their own.
/// </summary>
public sealed class CannedHttpHandler : HttpMessageHandler
{
    private readonly CannedAnswer[] _answers;
    private int _requests;

    public CannedHttpHandler(params CannedAnswer[] answers) => _answers = answers;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>When set, every request is kept in <see cref="LastRequest"/> (for checking both sides send the same bytes).</summary>
    public bool Capture { get; set; }

    public CapturedRequest? LastRequest { get; private set; }

    /// <summary>
    /// Sends one call each way and throws unless the baseline sends what the SDK sends (see
    /// <see cref="CapturedRequest.ThrowUnlessSame"/>); the calls also warm both sides up (the SDK's token is then cached).
    /// </summary>
    public async Task ThrowUnlessSameRequestAsync(Func<Task> sdk, Func<Task> baseline, params string[] headers)
    {
        Capture = true;
        await sdk().ConfigureAwait(false);
        var sent = LastRequest;
        await baseline().ConfigureAwait(false);
        CapturedRequest.ThrowUnlessSame(sent, LastRequest, headers);
        Capture = false;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        // Read the body as a server would, so serialisation cost is paid by both sides.
        byte[] body = [];
        if (request.Content is not null && Capture)
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        else if (request.Content is not null)
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        if (Capture)
            LastRequest = CapturedRequest.Of(request, body);

        foreach (var answer in _answers)
        {
            if (answer.Matches(request))
            {
                var content = new ByteArrayContent(answer.Body);
                content.Headers.TryAddWithoutValidation("Content-Type", answer.ContentType);
                return new HttpResponseMessage(answer.Status) { Content = content, RequestMessage = request };
            }
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
    }
}

/// <summary>What the in-memory transport answers to the requests <see cref="Matches"/> accepts.</summary>
public sealed record CannedAnswer(Func<HttpRequestMessage, bool> Matches, byte[] Body, string ContentType, HttpStatusCode Status = HttpStatusCode.OK)
{
    /// <summary>Answers requests whose path contains <paramref name="pathFragment"/>.</summary>
    public static CannedAnswer ForPath(string pathFragment, string body, string contentType = "application/json")
        => new(r => r.RequestUri!.AbsolutePath.Contains(pathFragment, StringComparison.Ordinal), Encoding.UTF8.GetBytes(body), contentType);

    /// <summary>Answers SOAP requests whose SOAPAction ends with <paramref name="operation"/>.</summary>
    public static CannedAnswer ForSoapAction(string operation, string body)
        => new(r => r.Headers.TryGetValues("SOAPAction", out var action) && action.First().TrimEnd('"').EndsWith(operation, StringComparison.Ordinal),
            Encoding.UTF8.GetBytes(body), "text/xml; charset=utf-8");
}
