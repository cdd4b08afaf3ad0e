using System.Diagnostics.CodeAnalysis;

namespace Contracts.Onc.Http;

/// <summary>
/// The outermost handler of the ONC pipeline: makes the caller's CancellationToken (carried by
/// <see cref="OncCallContext"/>) abort the HTTP exchange, and records the answer's status for error reporting.
/// </summary>
internal sealed class OncCallHandler : DelegatingHandler
{
    private readonly bool _ownsInner;

    /// <param name="inner">The rest of the pipeline.</param>
    /// <param name="ownsInner">False when the pipeline belongs to someone else (IHttpClientFactory, a caller): WCF
    /// disposes its HttpClient, and with it this handler, when the client closes.</param>
    public OncCallHandler(HttpMessageHandler inner, bool ownsInner)
        : base(inner)
    {
        _ownsInner = ownsInner;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = OncCallContext.Current;
        if (call is null || !call.Cancellation.CanBeCanceled)
            return Record(call, await base.SendAsync(request, cancellationToken).ConfigureAwait(false));

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.Cancellation);
        return Record(call, await base.SendAsync(request, linked.Token).ConfigureAwait(false));
    }

    [SuppressMessage("Usage", "CA2215:Dispose methods should call base class dispose", Justification = "The base would dispose a pipeline this handler does not own.")]
    protected override void Dispose(bool disposing)
    {
        if (_ownsInner)
            base.Dispose(disposing);
    }

    private static HttpResponseMessage Record(OncCallContext? call, HttpResponseMessage response)
    {
        if (call is not null)
            call.StatusCode = (int)response.StatusCode;
        return response;
    }
}
