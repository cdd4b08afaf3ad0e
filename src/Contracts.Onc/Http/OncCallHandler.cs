using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Contracts.Core;
using Contracts.Core.Http;

namespace Contracts.Onc.Http;

/// <summary>
/// The outermost handler of the ONC pipeline, where a SOAP request meets the SDK's HTTP pipeline:
/// <list type="bullet">
/// <item>tells the pipeline which operation the request is (<see cref="VendorOperation"/>, as its context names it, or
/// else by its SOAPAction header, and the contract's <see cref="OutboundNotificationsCampaignsServiceOperations"/>), so that only the
/// operations the contract marks idempotent are sent again after a 503 or 504: every SOAP request is a POST;</item>
/// <item>declares the request's session id a secret (<see cref="VendorRequest.AddSecret"/>), so an answer that echoes
/// the body cannot carry it into a message;</item>
/// <item>makes the caller's CancellationToken (carried by <see cref="OncCallContext"/>) abort the HTTP exchange;</item>
/// <item>checks a successful answer against the contract's shapes (<see cref="OncAnswerCheck"/>) before WCF reads it,
/// and throws <see cref="UnreadableAnswerException"/>, with the answer, when WCF would misread it silently; an error
/// code is checked as WCF reads it (<see cref="OncCodeReply"/>), so its answer is only kept for that error;</item>
/// <item>records the answer's status and the pipeline's typed failure, which WCF's exceptions hide; a failure it
/// builds from the answer shows the request's personal values masked (<see cref="OncCallContext.Masked"/>).</item>
/// </list>
/// </summary>
internal sealed class OncCallHandler : DelegatingHandler
{
    private const string SoapActionHeader = "SOAPAction";

    /// <summary>
    /// The contract's operations by name, described once, with whether the answer is an error code (read by
    /// <see cref="OncCodeReply"/>): a request sent by the client names its operation in its <see cref="OncCallContext"/>.
    /// </summary>
    private static readonly Dictionary<string, (VendorOperation Operation, bool AnswerIsCode)> ByName =
        OutboundNotificationsCampaignsServiceOperations.NameByAction.ToDictionary(
            named => named.Value,
            named => (Describe(named.Key), OncCodeReply.Reads(named.Key)),
            StringComparer.Ordinal);

    /// <summary>
    /// The operations by SOAPAction header as WCF writes it, described once, for a request without a context naming
    /// a known operation: WCF writes only the contract's actions, so the first request of each fills it for good.
    /// </summary>
    private static readonly ConcurrentDictionary<string, VendorOperation> Operations = new(StringComparer.Ordinal);

    /// <param name="inner">The account's pipeline, which belongs to whoever made it (the client's own connections, or
    /// IHttpClientFactory): WCF disposes its HttpClient, and with it this handler, when the client closes.</param>
    public OncCallHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = OncCallContext.Current;
        var (operation, answerIsCode) = call is not null && ByName.TryGetValue(call.Operation, out var named) ? named : OperationOf(request);
        request.Options.Set(VendorOperation.Key, operation);
        VendorRequest.AddSecret(request, call?.SessionId);

        using var linked = call is { Cancellation.CanBeCanceled: true }
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.Cancellation)
            : null;
        try
        {
            var response = await base.SendAsync(request, linked?.Token ?? cancellationToken).ConfigureAwait(false);
            call?.StatusCode = (int)response.StatusCode;
            if (response.IsSuccessStatusCode && answerIsCode)
                await KeepAnswerAsync(response, call, linked?.Token ?? cancellationToken).ConfigureAwait(false);
            else if (response.IsSuccessStatusCode)
                await ThrowIfUnreadableAsync(response, operation, call, linked?.Token ?? cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception failure) when (call is not null && failure is VendorApiException or VendorCallCanceledException)
        {
            call.Failure = failure;
            throw;
        }
    }

    /// <summary>
    /// Throws <see cref="UnreadableAnswerException"/> when the answer does not hold what the contract says; leaves the
    /// body unread otherwise. The SDK's pipeline has buffered the body (WireHandler), so reading it here costs no I/O;
    /// another pipeline's body is buffered first.
    /// </summary>
    private static async Task ThrowIfUnreadableAsync(HttpResponseMessage response, VendorOperation operation, OncCallContext? call, CancellationToken cancellationToken)
    {
        if (response.Content is not ByteArrayContent)
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        // HttpContent hands out the same stream to every reader of a buffered body: rewind it for WCF.
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var length = checked((int)body.Length);
        var bytes = ArrayPool<byte>.Shared.Rent(length);
        string? problem;
        try
        {
            body.ReadExactly(bytes, 0, length);
            problem = OncAnswerCheck.Problem(bytes, length, operation.RouteTemplate);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            body.Position = 0;
        }
        if (problem is null)
            return;

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        response.Dispose();
        // The answer may echo the request's personal values: the exception quotes it masked (read on failure only).
        throw call is null
            ? new UnreadableAnswerException(OncException.VendorName, operation.Id, problem, status, text)
            : new UnreadableAnswerException(OncException.VendorName, operation.Id, call.Masked(problem), status, call.Masked(text));
    }

    /// <summary>
    /// Keeps the body of an error-code answer, which <see cref="OncCodeReply"/> checks as WCF reads it, for the error
    /// that quotes it: the stream WCF reads (HttpContent hands every reader of a buffered body the same one).
    /// </summary>
    private static async ValueTask KeepAnswerAsync(HttpResponseMessage response, OncCallContext? call, CancellationToken cancellationToken)
    {
        if (response.Content is not ByteArrayContent)
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        call?.Answer = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
    }

    [SuppressMessage("Usage", "CA2215:Dispose methods should call base class dispose", Justification = "The base would dispose a pipeline this handler does not own.")]
    protected override void Dispose(bool disposing)
    {
    }

    /// <summary>
    /// The contract's operation of <paramref name="request"/>, by the SOAP action WCF wrote (quoted and URL-path
    /// encoded). An action the contract does not know is described as itself and, like any POST, not idempotent.
    /// </summary>
    private static (VendorOperation Operation, bool AnswerIsCode) OperationOf(HttpRequestMessage request)
    {
        var header = request.Headers.NonValidated.TryGetValues(SoapActionHeader, out var values) ? values.ToString() : "";
        if (!Operations.TryGetValue(header, out var operation))
        {
            var action = Uri.UnescapeDataString(header.Trim('"'));
            operation = Describe(action);
            if (OutboundNotificationsCampaignsServiceOperations.NameByAction.ContainsKey(action))
                Operations.TryAdd(header, operation);
        }
        return (operation, OncCodeReply.Reads(operation.RouteTemplate));
    }

    private static VendorOperation Describe(string action)
    {
        var name = OutboundNotificationsCampaignsServiceOperations.NameByAction.GetValueOrDefault(action, action);
        return new VendorOperation(name, action, OutboundNotificationsCampaignsServiceOperations.IdempotentActions.Contains(action));
    }
}
