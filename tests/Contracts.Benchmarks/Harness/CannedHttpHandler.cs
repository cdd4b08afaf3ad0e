using System.Net;
using System.Text;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// An in-memory transport answering every request with the same canned body for its path, so the SDK and the
/// hand-written baseline pay for exactly the same HTTP work: none but their own.
/// </summary>
public sealed class CannedHttpHandler : HttpMessageHandler
{
    private readonly (string PathSuffix, byte[] Body)[] _answers;
    private int _requests;

    public CannedHttpHandler(params (string PathSuffix, string Body)[] answers)
        => _answers = answers.Select(a => (a.PathSuffix, Encoding.UTF8.GetBytes(a.Body))).ToArray();

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>When set, the body of every request is kept in <see cref="LastBody"/> (for checking both sides send the same bytes).</summary>
    public bool CaptureBodies { get; set; }

    public byte[]? LastBody { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        // Read the body as a server would, so serialisation cost is paid by both sides.
        if (request.Content is not null && CaptureBodies)
            LastBody = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        else if (request.Content is not null)
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        var path = request.RequestUri!.AbsolutePath;
        foreach (var (suffix, body) in _answers)
        {
            if (path.EndsWith(suffix, StringComparison.Ordinal))
            {
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = new("application/json");
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
            }
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
    }
}
