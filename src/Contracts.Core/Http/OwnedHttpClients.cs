namespace Contracts.Core.Http;

/// <summary>
/// The connections a client built with <c>new XxxClient(options)</c> owns: one transport (unless the caller brought
/// one) shared by every HttpClient the vendor needs (a token client beside the API client, say), all disposed
/// together with the client.
/// </summary>
public sealed class OwnedHttpClients : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private readonly HttpMessageHandler _transport;

    /// <summary>Uses <paramref name="transport"/> (not disposed here), or creates a pooled socket transport when null.</summary>
    public OwnedHttpClients(HttpMessageHandler? transport)
    {
        if (transport is null)
        {
            transport = VendorHttpPipeline.CreateTransport();
            _owned.Add(transport);
        }
        _transport = transport;
    }

    /// <summary>Creates an HttpClient with the standard pipeline (<see cref="VendorHttpPipeline.CreateHandlers"/>) over the shared transport.</summary>
    public HttpClient Create(VendorClientOptions options, string productName, DelegatingHandler? authentication = null, DelegatingHandler? signing = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var http = VendorHttpPipeline.CreateHttpClient(options, options.ResolveBaseUrl(), VendorHttpPipeline.CreateHandlers(options, productName, authentication, signing), _transport);
        _owned.Add(http);
        return http;
    }

    /// <summary>
    /// The same pipeline as <see cref="Create"/> as its outermost handler, for a client that builds its own HttpClient
    /// over a handler (WCF's). The chain holds nothing to dispose but the shared transport, which stays here.
    /// </summary>
    internal HttpMessageHandler CreateHandler(VendorClientOptions options, string productName, DelegatingHandler? authentication = null, DelegatingHandler? signing = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return VendorHttpPipeline.Chain(VendorHttpPipeline.CreateHandlers(options, productName, authentication, signing), _transport);
    }

    /// <summary>Disposes every HttpClient created here, and the transport if it was created here.</summary>
    public void Dispose()
    {
        foreach (var resource in _owned)
            resource.Dispose();
        _owned.Clear();
    }
}
