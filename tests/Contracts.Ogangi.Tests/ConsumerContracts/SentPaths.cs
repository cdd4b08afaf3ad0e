namespace Contracts.Ogangi.Tests.ConsumerContracts;

/// <summary>
/// The client's transport in the consumer tests: sends over sockets and remembers the path of every request, so a
/// test can show that the example path written in the contract is the one the client really sent.
/// </summary>
/// <remarks>
/// Without a propagator, as the README asks of a transport of one's own: with .NET's default one, HttpClient makes a
/// span of each request whose <c>url.full</c> is the signed path, and a listener to every source in the process
/// (<see cref="TracingSecretTests"/>, running alongside) would find this test's public key, signature and numbers in it.
/// </remarks>
internal sealed class SentPaths() : DelegatingHandler(new SocketsHttpHandler { ActivityHeadersPropagator = null })
{
    private readonly List<string> _paths = [];

    /// <summary>The paths sent, as they went on the wire (percent-encoded), in order.</summary>
    public IReadOnlyList<string> Paths
    {
        get
        {
            lock (_paths)
                return _paths.ToArray();
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_paths)
            _paths.Add(request.RequestUri!.GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped));
        return base.SendAsync(request, cancellationToken);
    }
}
