using System.Net.Http.Headers;

namespace Contracts.Engage;

public partial class EngageClient
{
    private const string TokenHealthPath = "federated/content/v2/token/health";

    /// <summary>
    /// The ENGAGE Federated Batch Push guide lists <c>Content-type: application/json</c> among the headers of the
    /// token health GET, which has no body. A gateway may route or refuse on it, so the request carries it as
    /// documented, over an empty body (the contract records the choice: x-ambiguity on checkTokenHealth).
    /// </summary>
    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        // The generated operation passes its relative URL: the operation path, with no query for this route.
        if (request.Method != HttpMethod.Get || request.Content is not null || !url.EndsWith(TokenHealthPath, StringComparison.Ordinal))
            return;
        request.Content = new ByteArrayContent([]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
    }
}
