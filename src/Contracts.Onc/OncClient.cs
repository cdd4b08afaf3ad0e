using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.ServiceModel;
using Contracts.Core;
using Contracts.Core.Authentication;
using Contracts.Core.Http;
using Contracts.Core.Telemetry;
using Contracts.Onc.Http;
using Contracts.Onc.Logging;
using Microsoft.Extensions.Logging;

namespace Contracts.Onc;

/// <summary>
/// Client for Dynamic Notifications Outbound Notifications Campaigns (ONC), over WCF and the contract generated from
/// contracts/onc/onc.wsdl: each operation is written and read by the formatters WCF builds for the generated client
/// and sent on WCF's HTTP channel of the same binding, without the generated client's proxy (its ServiceChannel).
/// It manages the session the service requires: opened with the options' credentials on the
/// first call, shared by every call (concurrent callers wait for one OpenAPISession), replaced before it has been
/// idle for 20 minutes, reopened once per call when the service no longer accepts it, and closed by
/// <see cref="DisposeAsync"/>. Answers the service marks as failures (an error code other than 0, a missing list)
/// become <see cref="OncException"/>.
/// </summary>
/// <remarks>
/// <para>Thread-safe: share one instance (<c>AddOncClient</c> registers a singleton). Dispose it when done so the
/// session is closed, as the vendor asks.</para>
/// <para><see cref="OncClientOptions"/>' Timeout bounds each call as a whole, every SOAP request it takes included
/// (the session it opens or waits for, the session check, a reopen, the resend). Besides
/// <see cref="OncException"/>, a call throws the SDK's typed errors, each saying whether the service may have acted
/// (<see cref="VendorApiException.Delivery"/>): <see cref="AccessTokenException"/> when no session could be opened
/// (nothing else was sent), <see cref="VendorTimeoutException"/>, <see cref="VendorTransportException"/>,
/// <see cref="RedirectRefusedException"/>, <see cref="ResponseTooLargeException"/>, and
/// <see cref="VendorCallCanceledException"/> when the caller cancels. Only the operations the contract marks
/// idempotent (the reads, opening and closing a session) are sent again after a 503 or 504; every operation is sent
/// again after a 429. Texts XML 1.0 cannot carry are refused with <see cref="ArgumentException"/> before anything is sent.</para>
/// <para>The service reports an expired session with no documented code. When a call fails, the client checks the
/// session with GetCampaignListing (which answers null only on error): if the session is gone it opens a new one and
/// sends the call once more; otherwise the failure is the call's own and is thrown. A SOAP fault is treated the same
/// way when the check answers. When the check faults too, a lost session cannot be told from a service failing for a
/// moment, and a call that faulted may have been carried out: a call that changes something is not sent again (its
/// fault stands, delivery unknown, and the next call opens a new session); a read is, once a new session has been
/// opened and checked. A check that fails itself (a timeout, a reset, a 5xx, an answer too large, unreadable
/// or redirected, no new session, or the caller cancelling while it runs) proves nothing: the call's own verdict is
/// thrown as the service gave it (a refusal stays <see cref="DeliveryState.Refused"/>, a fault keeps its delivery),
/// the check's failure is logged, and nothing is sent again. A call is never sent twice when the service may have
/// acted on it.</para>
/// <para>An answer that does not hold what the contract says (a result element missing, items in a namespace or
/// under a name the contract does not define, members out of order) throws <see cref="UnreadableAnswerException"/>
/// with the answer, rather than reading as an empty list, default fields or a success.</para>
/// </remarks>
public sealed partial class OncClient : IOncClient, IDisposable
{
    /// <summary>User-agent product name sent with every request.</summary>
    public const string ProductName = "Contracts.Onc";

    /// <summary>Why the client is marked for the trimming and AOT analyzers: WCF builds its XML serializers by reflection at run time.</summary>
    internal const string JitOnly = "The ONC client runs on WCF, whose XML serializers are built by reflection at run time: it does not work trimmed or in a Native AOT app.";

    /// <summary>
    /// ONC as Core builds it: no tokens and no signing (the session id travels in each SOAP body, opened and kept by
    /// <see cref="OncSessionProvider"/>), one client per account (its session is shared by every caller), and the
    /// pipeline taken as a handler.
    /// </summary>
    internal static readonly VendorClientRegistration<IOncClient, OncClient, OncClientOptions> Vendor = new()
    {
        ProductName = ProductName,
        CreateClient = parts => new OncClient(parts),
        OnePerAccount = true,
    };

    /// <summary>The package's spans and measurements.</summary>
    private static readonly VendorTelemetry Telemetry = VendorTelemetry.For(ProductName);

    private readonly OncClientOptions _options;
    private readonly OutboundNotificationsCampaignsServiceClient _service;
    private readonly IOutboundNotificationsCampaignsService _operations;
    private readonly OncSessionProvider _sessions;
    private readonly OncOperationSender _sender;
    private readonly OncWire _wire;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IDisposable? _connections;
    private int _disposed;

    /// <summary>
    /// Creates a client with its own connections and the SDK's HTTP pipeline (whole-call deadline, retries that cannot
    /// act twice, no redirects, bounded answers scrubbed of the password and session ids, user agent).
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message names it.</exception>
    [RequiresUnreferencedCode(JitOnly), RequiresDynamicCode(JitOnly)]
    public OncClient(OncClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, transport: null, loggerFactory, timeProvider)
    {
    }

    /// <summary>
    /// Creates a client over a transport of your own (an in-memory handler in tests, a custom socket handler) and a
    /// clock of your own (a fake one in tests), under the same SDK pipeline. The transport is not disposed with the client.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message names it.</exception>
    [RequiresUnreferencedCode(JitOnly), RequiresDynamicCode(JitOnly)]
    public OncClient(OncClientOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(Vendor.Connect(options, transport, loggerFactory, timeProvider))
    {
    }

    /// <summary>
    /// Creates the client from the account's parts, as <c>new OncClient(options)</c> and <c>AddOncClient</c> both do:
    /// its SOAP requests go through the account's pipeline, taken as a handler (WCF builds its own HttpClient over it).
    /// </summary>
    [RequiresUnreferencedCode(JitOnly), RequiresDynamicCode(JitOnly)]
    private OncClient(VendorClientParts<OncClientOptions> parts)
    {
        _options = parts.Options;
        _connections = parts.Owned;
        _time = parts.TimeProvider;
        _logger = parts.LoggerFactory.CreateLogger<OncClient>();
        _service = new OutboundNotificationsCampaignsServiceClient(OncBinding.Create(_options), new EndpointAddress(_options.ResolveBaseUrl()));
        _service.Endpoint.EndpointBehaviors.Add(new HttpPipelineBehavior(new OncCallHandler(parts.Handler)));
        OncCodeReply.ReadRepliesOf(_service.Endpoint);
        _sender = OncOperationSender.For(_service.Endpoint);
        // Opened now (nothing is sent: HTTP channels connect per request): opening WCF's client builds the formatters
        // the sender writes and reads with, and no call waits for an open (WCF resumes a call that raced one from a
        // thread-pool callback that does not flow its async context: cancellation, session id and deadline).
        _service.Open();
        _sender.Open();
        _operations = new OutboundNotificationsCampaignsServiceDirectClient(_sender);
        _wire = new OncWire(_options.Timeout);
        _sessions = new OncSessionProvider(_operations, _wire, _options, _time, parts.LoggerFactory.CreateLogger<OncSessionProvider>());
    }

    /// <summary>
    /// Closes the session (if one is open) and the client's connections. A failure to close the session is logged; an
    /// unexpected failure of closing WCF's channel is thrown, after the channel is aborted and the connections closed.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        try
        {
            using var call = OncLogicalCall.Begin(_options.Timeout, CancellationToken.None);
            await _sessions.CloseAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Disposal must not throw; the session expires on its own anyway.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            OncLog.SessionCloseFailed(_logger, ex is VendorApiException vendorFailure ? vendorFailure.Message : ex.GetType().Name);
        }

        // Whatever closing the channel throws, the channel is aborted and the connections are disposed; an unexpected
        // failure is thrown only once nothing is left open.
        Exception? unexpected = null;
        try
        {
            await _sender.CloseAsync().ConfigureAwait(false);
            await ((IAsyncDisposable)_service).DisposeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Caught to finish closing; thrown again below unless WCF's own close failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _service.Abort();
            if (ex is not (CommunicationException or TimeoutException))
                unexpected = ex;
        }
        finally
        {
            _sender.Abort();
            _connections?.Dispose();
        }
        if (unexpected is not null)
            ExceptionDispatchInfo.Throw(unexpected);
    }

    /// <summary>Closes the session and the connections, waiting for CloseAPISession; prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Closes the current session now (CloseAPISession). The client stays usable: the next call opens a new session.
    /// </summary>
    /// <exception cref="OncException">CloseAPISession answered an error code.</exception>
    public async Task CloseSessionAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        using var call = OncLogicalCall.Begin(_options.Timeout, cancellationToken);
        await _sessions.CloseAsync(call.CallerToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends one operation on the shared session, all of it within the call's deadline. When the answer is a failure
    /// and the session turns out to be gone, opens a new session and sends the operation once more. Returns the last
    /// answer when it succeeded (or when there is no <paramref name="refusal"/>: a failure the caller reads as an
    /// answer); otherwise throws what <paramref name="refusal"/> makes of it, inside the call's telemetry scope, so
    /// that the span carries the verdict.
    /// </summary>
    /// <remarks>The contact or campaign the operation sends (<paramref name="personal"/>) holds personal values: a failure quoting them shows them masked.</remarks>
    private async Task<T> InvokeAsync<T>(string operation, Func<string, Task<T>> send, Func<T, bool> succeeded, Func<string, T, OncException>? refusal, object? personal, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        using var scope = BeginCallScope();
        using var call = OncLogicalCall.Begin(_options.Timeout, cancellationToken);
        // An open session is taken as it is: no wait to prepare, no await.
        var session = _sessions.TryGetFreshToken(out var open) ? open : await SessionAsync(call).ConfigureAwait(false);
        // A listener attached while this call waited for its session sees the operation's span: it needs the scope too.
        using var lateScope = scope is null ? BeginCallScope() : null;
        T answer;
        // The first attempt is AttemptAsync and OncWire.SendAsync written out: no async layer between the call and WCF.
        var startedAt = _time.GetUtcNow();
        var request = OncWire.Begin(operation, session.Value, personal, call.CallerToken);
        try
        {
            answer = await send(session.Value).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            var surfaced = _wire.Translate(operation, failure, request, call.CallerToken);
            if (surfaced is not OncException { InnerException: FaultException })
                ExceptionDispatchInfo.Throw(surfaced); // the stack of where it was first thrown, as OncWire.SendAsync keeps it
            if (!await IsSessionGoneAfterFaultAsync(operation, session.Value, call).ConfigureAwait(false))
                throw surfaced;
            OncLog.SessionLost(_logger, operation);
            // Found gone by its own check (an empty listing) or already replaced by the fresh one the check opened.
            _sessions.Invalidate(session.Value);
            answer = await AttemptAsync(operation, send, succeeded, (await SessionAsync(call).ConfigureAwait(false)).Value, personal, call).ConfigureAwait(false);
            return Verdict(operation, answer, succeeded, refusal);
        }
        if (succeeded(answer))
        {
            _sessions.MarkActive(session.Value, startedAt);
            return answer;
        }
        if (!await IsSessionGoneAsync(operation, session.Value, call).ConfigureAwait(false))
            return Verdict(operation, answer, succeeded, refusal);

        OncLog.SessionLost(_logger, operation);
        _sessions.Invalidate(session.Value);
        session = await SessionAsync(call).ConfigureAwait(false);
        answer = await AttemptAsync(operation, send, succeeded, session.Value, personal, call).ConfigureAwait(false);
        return Verdict(operation, answer, succeeded, refusal);
    }

    /// <summary>The answer when it succeeded; otherwise logs the failure and throws what <paramref name="refusal"/> makes of it.</summary>
    private T Verdict<T>(string operation, T answer, Func<T, bool> succeeded, Func<string, T, OncException>? refusal)
    {
        if (succeeded(answer) || refusal is null)
            return answer;
        var failure = refusal(operation, answer);
        OncLog.OperationFailed(_logger, operation, failure.Code);
        throw failure;
    }

    /// <summary>
    /// The scope that keeps each call's span open until the client's verdict; none while nobody listens to the
    /// package's spans (there is no span to keep, and a scope costs an async-local change on the way in and out).
    /// </summary>
    private static VendorCallScope? BeginCallScope() => Telemetry.ActivitySource.HasListeners() ? VendorCallScope.Begin() : null;

    /// <summary>
    /// The session for <paramref name="call"/>, waiting no longer than the call may. A session open is shared by the
    /// calls that need one and runs on its own deadline; a call that joined one which then broke gets one fresh attempt
    /// from Core's provider. A refusal is never asked again.
    /// </summary>
    /// <exception cref="AccessTokenException">No session could be opened; nothing was sent.</exception>
    private async Task<AccessToken> SessionAsync(OncLogicalCall call)
    {
        try
        {
            return await _sessions.GetTokenAsync(call.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException wait) when (wait is not VendorCallCanceledException && call.Token.IsCancellationRequested)
        {
            // Nothing of this operation has been sent while it waits for a session.
            throw call.Interrupted(wait, DeliveryState.NotSent);
        }
    }

    /// <summary>Sends the operation once on <paramref name="sessionId"/>; an accepted call restarts the session's idle clock.</summary>
    private async Task<T> AttemptAsync<T>(string operation, Func<string, Task<T>> send, Func<T, bool> succeeded, string sessionId, object? personal, OncLogicalCall call)
    {
        var startedAt = _time.GetUtcNow();
        var answer = await _wire.SendAsync(operation, sessionId, sessionId, send, personal, call.CallerToken).ConfigureAwait(false);
        if (succeeded(answer))
            _sessions.MarkActive(sessionId, startedAt);
        return answer;
    }

    /// <summary>
    /// Whether a failed call failed because its session is gone: GetCampaignListing on the same session answers a
    /// list whenever the session works. A failed GetCampaignListing is its own test. A check that fails itself (it is
    /// answered unreadably, times out, is reset, answered a 5xx, too large or redirected, or the caller cancels it)
    /// proves nothing: the session is not known gone, so the call's own failure stands and nothing is sent again.
    /// </summary>
    private async Task<bool> IsSessionGoneAsync(string operation, string sessionId, OncLogicalCall call)
    {
        if (operation == OncOperations.GetCampaignListing)
            return true;
        try
        {
            return !await SessionWorksAsync(sessionId, call).ConfigureAwait(false);
        }
        catch (Exception inconclusive) when (IsCheckFailure(inconclusive))
        {
            OncLog.SessionCheckFailed(_logger, operation, inconclusive.GetType().Name, (inconclusive as VendorApiException)?.StatusCode);
            return false;
        }
    }

    /// <summary>Whether GetCampaignListing on <paramref name="sessionId"/> answers a list (it answers null only on error).</summary>
    private async Task<bool> SessionWorksAsync(string sessionId, OncLogicalCall call)
    {
        var startedAt = _time.GetUtcNow();
        // The check's span is its own: the span of the failed operation keeps waiting for the operation's verdict.
        using var check = VendorCallScope.BeginIsolated();
        var listing = await _wire.SendAsync(OncOperations.GetCampaignListing, sessionId, sessionId, _operations.GetCampaignListingAsync, null, call.CallerToken).ConfigureAwait(false);
        if (listing is null)
            return false;
        _sessions.MarkActive(sessionId, startedAt);
        return true;
    }

    /// <summary>
    /// Whether a call that the service answered with a SOAP fault failed because its session is gone (a service may
    /// report a lost session as a fault rather than an error code). Sending the call again is safe only when the
    /// service certainly did not act on it, so the session is tested: GetCampaignListing on it answers a list (the
    /// session works: the fault is the call's own) or nothing (gone). When the test faults too, it cannot tell a lost
    /// session from a service failing for a moment (a call may fault after it was carried out): a call that changes
    /// something keeps its fault and its session is dropped, so the next call uses a new one; a read, which may be sent
    /// again whatever happened, gets a new session, tested: if it works the read is sent again, if it faults as well
    /// the service itself is failing and the read's fault stands. Any other failure on the way
    /// (a check unreadable, timed out, reset, answered a 5xx, too large or redirected, no new session, the caller
    /// cancelling) proves nothing either: the call's fault stands.
    /// </summary>
    private async Task<bool> IsSessionGoneAfterFaultAsync(string operation, string sessionId, OncLogicalCall call)
    {
        try
        {
            if (operation != OncOperations.GetCampaignListing)
            {
                try
                {
                    return !await SessionWorksAsync(sessionId, call).ConfigureAwait(false);
                }
                catch (OncException testFault) when (testFault.InnerException is FaultException && !OncOperations.IsIdempotent(operation))
                {
                    // The check faulting as the call did cannot tell a lost session from a service failing for a moment,
                    // and the call may have been carried out before it faulted: it is not sent again. The session is
                    // dropped, so the next call opens a new one.
                    _sessions.Invalidate(sessionId);
                    OncLog.SessionCheckFailed(_logger, operation, testFault.GetType().Name, testFault.StatusCode);
                    return false;
                }
                catch (OncException testFault) when (testFault.InnerException is FaultException)
                {
                    // Inconclusive for a read, which may be sent again whatever happened: test a new session.
                }
            }

            _sessions.Invalidate(sessionId);
            var fresh = await SessionAsync(call).ConfigureAwait(false);
            return await SessionWorksAsync(fresh.Value, call).ConfigureAwait(false);
        }
        catch (Exception inconclusive) when (IsCheckFailure(inconclusive))
        {
            // The checks could not tell (a fault or a failure of their own, no new session, the caller cancelled):
            // the service may have acted on the call, so its fault stands and it is not sent again.
            OncLog.SessionCheckFailed(_logger, operation, inconclusive.GetType().Name, (inconclusive as VendorApiException)?.StatusCode);
            return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="failure"/>, thrown by a session check, is the check's own failure: every typed error
    /// of the SDK (the service's, the pipeline's, no session) and the caller's cancellation, which arrived after the
    /// call had its answer. Anything else is a defect and is not hidden.
    /// </summary>
    private static bool IsCheckFailure(Exception failure) => failure is VendorApiException or OperationCanceledException;

    /// <summary>
    /// Runs an operation that answers an error code, and throws <see cref="OncException"/> unless it is 0; the values
    /// of <paramref name="personal"/>, the contact or campaign the operation sends (if any), are personal.
    /// </summary>
    private Task InvokeForCodeAsync(string operation, Func<string, Task<int>> call, CancellationToken cancellationToken, object? personal = null)
        => InvokeAsync(operation, call, static code => code == 0, static (operation, code) => new OncException(operation, code, description: null, DeliveryState.Refused), personal, cancellationToken);

    /// <summary>Runs an operation that answers a list, and throws <see cref="OncException"/> when the list is missing.</summary>
    private async Task<IReadOnlyList<T>> InvokeForListAsync<T>(string operation, Func<string, Task<List<T>?>> call, CancellationToken cancellationToken)
        => (await InvokeAsync(operation, call, static list => list is not null, static (operation, _) => OncException.NoList(operation), null, cancellationToken).ConfigureAwait(false))!;

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
