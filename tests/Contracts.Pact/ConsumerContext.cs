namespace Contracts.Pacts;

/// <summary>What a consumer test needs while the mock server runs.</summary>
public sealed class ConsumerContext
{
    internal ConsumerContext(Uri mockServerUri) => MockServerUri = mockServerUri;

    /// <summary>The mock server's base address, <c>http://127.0.0.1:{port}/</c>: point the client under test here.</summary>
    public Uri MockServerUri { get; }
}
