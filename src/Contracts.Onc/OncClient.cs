using System.ServiceModel;
using Contracts.Core.Http;
using Contracts.Onc.Http;
using Contracts.Onc.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contracts.Onc;

/// <summary>
/// Client for Dynamic Notifications Outbound Notifications Campaigns (ONC), over the WCF client generated from
/// contracts/onc/onc.wsdl. It manages the session the service requires: opened with the options' credentials on the
/// first call, shared by every call (concurrent callers wait for one OpenAPISession), replaced before it has been
/// idle for 20 minutes, reopened once per call when the service no longer accepts it, and closed by
/// <see cref="DisposeAsync"/>. Answers the service marks as failures (an error code other than 0, a missing list)
/// become <see cref="OncException"/>.
/// </summary>
/// <remarks>
/// <para>Thread-safe: share one instance (<c>AddOncClient</c> registers a singleton). Dispose it when done so the
/// session is closed, as the vendor asks.</para>
/// <para>The service reports an expired session with no documented code. When a call fails, the client checks the
/// session with GetCampaignListing (which answers null only on error): if the session is gone it opens a new one and
/// sends the call once more; otherwise the failure is the call's own and is thrown.</para>
/// </remarks>
public sealed partial class OncClient : IOncClient, IDisposable
{
    /// <summary>User-agent product name sent with every request.</summary>
    public const string ProductName = "Contracts.Onc";

    private readonly OncClientOptions _options;
    private readonly OutboundNotificationsCampaignsServiceClient _service;
    private readonly OncSessionProvider _sessions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _disposed;

    /// <summary>Creates a client with its own connections and the SDK's HTTP pipeline (retry on 429/503/504, user agent).</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message names it.</exception>
    public OncClient(OncClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, BuildPipeline(options), ownsPipeline: true, loggerFactory, timeProvider)
    {
    }

    /// <summary>
    /// Creates a client whose SOAP requests go through <paramref name="httpPipeline"/> (for example the handler
    /// IHttpClientFactory builds for a named client, as <c>AddOncClient</c> does). The pipeline is not disposed with the client.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message names it.</exception>
    public OncClient(OncClientOptions options, HttpMessageHandler httpPipeline, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, httpPipeline, ownsPipeline: false, loggerFactory, timeProvider)
    {
    }

    private OncClient(OncClientOptions options, HttpMessageHandler httpPipeline, bool ownsPipeline, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpPipeline);
        options.ThrowIfInvalid();
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = loggerFactory?.CreateLogger<OncClient>() ?? NullLogger<OncClient>.Instance;
        _service = new OutboundNotificationsCampaignsServiceClient(OncBinding.Create(options), new EndpointAddress(options.ResolveBaseUrl()));
        _service.Endpoint.EndpointBehaviors.Add(new HttpPipelineBehavior(new OncCallHandler(httpPipeline, ownsPipeline)));
        _sessions = new OncSessionProvider(_service, options, _time, loggerFactory?.CreateLogger<OncSessionProvider>());
    }

    /// <summary>Closes the session (if one is open) and the client's connections. Never throws: a failure to close is logged.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        try
        {
            await _sessions.CloseAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Disposal must not throw; the session expires on its own anyway.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            OncLog.SessionCloseFailed(_logger, ex is OncException oncFailure ? oncFailure.Message : ex.GetType().Name);
        }

        try
        {
            await ((IAsyncDisposable)_service).DisposeAsync().ConfigureAwait(false);
        }
        catch (CommunicationException)
        {
            _service.Abort();
        }
        catch (TimeoutException)
        {
            _service.Abort();
        }
    }

    /// <summary>Closes the session and the connections, waiting for CloseAPISession; prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Closes the current session now (CloseAPISession). The client stays usable: the next call opens a new session.
    /// </summary>
    /// <exception cref="OncException">CloseAPISession answered an error code.</exception>
    public Task CloseSessionAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _sessions.CloseAsync(cancellationToken);
    }

    /// <summary>
    /// Sends one operation on the shared session. When the answer is a failure and the session turns out to be gone,
    /// opens a new session and sends the operation once more. Returns the last answer; the caller turns a failure
    /// into <see cref="OncException"/>.
    /// </summary>
    private async Task<T> InvokeAsync<T>(string operation, Func<string, Task<T>> call, Func<T, bool> succeeded, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        var session = await _sessions.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var (answer, ok) = await AttemptAsync(operation, call, succeeded, session.Value, cancellationToken).ConfigureAwait(false);
        if (ok || !await IsSessionGoneAsync(operation, session.Value, cancellationToken).ConfigureAwait(false))
            return answer;

        OncLog.SessionLost(_logger, operation);
        _sessions.Invalidate(session.Value);
        session = await _sessions.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        (answer, _) = await AttemptAsync(operation, call, succeeded, session.Value, cancellationToken).ConfigureAwait(false);
        return answer;
    }

    private async Task<(T Answer, bool Ok)> AttemptAsync<T>(string operation, Func<string, Task<T>> call, Func<T, bool> succeeded, string sessionId, CancellationToken cancellationToken)
    {
        var startedAt = _time.GetUtcNow();
        var answer = await OncWire.SendAsync(operation, () => call(sessionId), cancellationToken).ConfigureAwait(false);
        var ok = succeeded(answer);
        if (ok)
            _sessions.MarkActive(sessionId, startedAt);
        return (answer, ok);
    }

    /// <summary>
    /// Whether a failed call failed because its session is gone: GetCampaignListing on the same session answers a
    /// list whenever the session works. A failed GetCampaignListing is its own test.
    /// </summary>
    private async Task<bool> IsSessionGoneAsync(string operation, string sessionId, CancellationToken cancellationToken)
    {
        if (operation == OncOperations.GetCampaignListing)
            return true;
        var startedAt = _time.GetUtcNow();
        var listing = await OncWire.SendAsync(OncOperations.GetCampaignListing, () => _service.GetCampaignListingAsync(sessionId), cancellationToken).ConfigureAwait(false);
        if (listing is null)
            return true;
        _sessions.MarkActive(sessionId, startedAt);
        return false;
    }

    /// <summary>Runs an operation that answers an error code, and throws <see cref="OncException"/> unless it is 0.</summary>
    private async Task InvokeForCodeAsync(string operation, Func<string, Task<int>> call, CancellationToken cancellationToken)
    {
        var code = await InvokeAsync(operation, call, c => c == 0, cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            OncLog.OperationFailed(_logger, operation, code);
            throw new OncException(operation, code, description: null);
        }
    }

    /// <summary>Runs an operation that answers a list, and throws <see cref="OncException"/> when the list is missing.</summary>
    private async Task<IReadOnlyList<T>> InvokeForListAsync<T>(string operation, Func<string, Task<List<T>?>> call, CancellationToken cancellationToken)
    {
        var list = await InvokeAsync(operation, call, l => l is not null, cancellationToken).ConfigureAwait(false);
        if (list is null)
        {
            OncLog.OperationFailed(_logger, operation, null);
            throw OncException.NoList(operation);
        }
        return list;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private static HttpMessageHandler BuildPipeline(OncClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        return VendorHttpPipeline.Chain(VendorHttpPipeline.CreateHandlers(options, ProductName), VendorHttpPipeline.CreateTransport());
    }
}
