using System.Diagnostics.CodeAnalysis;
using Contracts.Core;
using Contracts.Core.Http;

namespace Contracts.Onc.Http;

/// <summary>
/// The outermost handler of the ONC pipeline, where a SOAP request meets the SDK's HTTP pipeline:
/// <list type="bullet">
/// <item>tells the pipeline which operation the request is (<see cref="VendorOperation"/>, read from its SOAPAction
/// header and the contract's <see cref="OutboundNotificationsCampaignsServiceOperations"/>), so that only the
/// operations the contract marks idempotent are sent again after a 503 or 504: every SOAP request is a POST;</item>
/// <item>declares the request's session id a secret (<see cref="VendorRequest.AddSecret"/>), so an answer that echoes
/// the body cannot carry it into a message;</item>
/// <item>makes the caller's CancellationToken (carried by <see cref="OncCallContext"/>) abort the HTTP exchange;</item>
/// <item>records the answer's status and the pipeline's typed failure, which WCF's exceptions hide.</item>
/// </list>
/// </summary>
internal sealed class OncCallHandler : DelegatingHandler
{
    private const string SoapActionHeader = "SOAPAction";
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
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(VendorOperation.Key, OperationOf(request));
        var call = OncCallContext.Current;
        VendorRequest.AddSecret(request, call?.SessionId);

        using var linked = call is { Cancellation.CanBeCanceled: true }
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.Cancellation)
            : null;
        try
        {
            var response = await base.SendAsync(request, linked?.Token ?? cancellationToken).ConfigureAwait(false);
            call?.StatusCode = (int)response.StatusCode;
            return response;
        }
        catch (Exception failure) when (call is not null && failure is VendorApiException or VendorCallCanceledException)
        {
            call.Failure = failure;
            throw;
        }
    }

    [SuppressMessage("Usage", "CA2215:Dispose methods should call base class dispose", Justification = "The base would dispose a pipeline this handler does not own.")]
    protected override void Dispose(bool disposing)
    {
        if (_ownsInner)
            base.Dispose(disposing);
    }

    /// <summary>
    /// The contract's operation of <paramref name="request"/>, by the SOAP action WCF wrote (quoted and URL-path
    /// encoded). An action the contract does not know is described as itself and, like any POST, not idempotent.
    /// </summary>
    private static VendorOperation OperationOf(HttpRequestMessage request)
    {
        var action = request.Headers.TryGetValues(SoapActionHeader, out var values)
            ? Uri.UnescapeDataString(values.FirstOrDefault()?.Trim('"') ?? "")
            : "";
        var name = OutboundNotificationsCampaignsServiceOperations.NameByAction.GetValueOrDefault(action, action);
        return new VendorOperation(name, action, OutboundNotificationsCampaignsServiceOperations.IdempotentActions.Contains(action));
    }
}
