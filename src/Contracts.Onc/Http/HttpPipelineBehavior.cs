using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;

namespace Contracts.Onc.Http;

/// <summary>
/// Puts an HTTP handler pipeline of our own under a WCF client: WCF asks its binding parameters for a
/// Func&lt;HttpClientHandler, HttpMessageHandler&gt; when it creates its HttpClient, and uses what the function returns.
/// So SOAP calls go through the same handlers (the whole-call deadline, retries that cannot act twice, no redirects,
/// bounded and scrubbed answers, user agent) and IHttpClientFactory handlers as every other vendor's calls.
/// </summary>
internal sealed class HttpPipelineBehavior : IEndpointBehavior
{
    private readonly HttpMessageHandler _pipeline;

    /// <param name="pipeline">The outermost handler; WCF's own HttpClientHandler is not used.</param>
    public HttpPipelineBehavior(HttpMessageHandler pipeline) => _pipeline = pipeline;

    public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters)
    {
        ArgumentNullException.ThrowIfNull(bindingParameters);
        bindingParameters.Add(new Func<HttpClientHandler, HttpMessageHandler>(_ => _pipeline));
    }

    public void ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime)
    {
    }

    public void ApplyDispatchBehavior(ServiceEndpoint endpoint, EndpointDispatcher endpointDispatcher)
    {
    }

    public void Validate(ServiceEndpoint endpoint)
    {
    }
}
