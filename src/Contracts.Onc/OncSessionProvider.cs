using Contracts.Core;
using Contracts.Core.Authentication;
using Contracts.Core.Telemetry;
using Contracts.Onc.Http;
using Contracts.Onc.Logging;
using Microsoft.Extensions.Logging;

namespace Contracts.Onc;

/// <summary>
/// ONC sessions as tokens: a session id is what every call carries, so Core's <see cref="CachingAccessTokenProvider"/>
/// gives the lifecycle (one cached session, opened single-flight however many callers need one, dropped when the
/// service no longer accepts it). What is ONC's own: sessions are opened with OpenAPISession, they expire after a
/// period of inactivity (a sliding expiry: every call pushes it back) and they should be closed with CloseAPISession.
/// No session means <see cref="AccessTokenException"/> (nothing was sent): a refusal carries the service's code and
/// description, with the <see cref="OncException"/> of OpenAPISession as its inner exception.
/// </summary>
internal sealed class OncSessionProvider : CachingAccessTokenProvider
{
    private readonly IOutboundNotificationsCampaignsService _service;
    private readonly OncWire _wire;
    private readonly string _accountId;
    private readonly string _userName;
    private readonly string _password;
    private readonly TimeSpan _idleTimeout;
    private readonly Lock _gate = new();
    private string? _openSession;
    private DateTimeOffset _lastActivity;

    public OncSessionProvider(IOutboundNotificationsCampaignsService service, OncWire wire, OncClientOptions options, TimeProvider? timeProvider, ILogger? logger)
        : base(timeProvider, options.SessionRefreshMargin, logger, allowedHosts: null)
    {
        _service = service;
        _wire = wire;
        _accountId = options.AccountId;
        _userName = options.UserName;
        _password = options.Password;
        _idleTimeout = options.SessionIdleTimeout;
    }

    /// <summary>Records a call the service accepted on <paramref name="sessionId"/>, started at <paramref name="startedAt"/>: the idle clock restarts.</summary>
    public void MarkActive(string sessionId, DateTimeOffset startedAt)
    {
        lock (_gate)
        {
            if (_openSession == sessionId && startedAt > _lastActivity)
                _lastActivity = startedAt;
        }
    }

    /// <inheritdoc />
    protected override string VendorName => OncException.VendorName;

    /// <inheritdoc />
    protected override VendorTelemetry Telemetry => VendorTelemetry.For(OncClient.ProductName);

    /// <summary>Closes the open session, if any. The next call opens a new one.</summary>
    /// <exception cref="OncException">CloseAPISession answered an error code.</exception>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        string? sessionId;
        lock (_gate)
        {
            sessionId = _openSession;
            _openSession = null;
        }
        if (sessionId is null)
            return;
        Invalidate(sessionId);
        var answer = await _wire.SendAsync(OncOperations.CloseApiSession, sessionId, sessionId, _service.CloseAPISessionAsync, null, cancellationToken).ConfigureAwait(false);
        if (answer is null || answer.ErrorCode != 0)
            throw new OncException(OncOperations.CloseApiSession, answer?.ErrorCode, answer?.Description ?? "the service gave no answer", DeliveryState.Refused);
        OncLog.SessionClosed(Logger);
    }

    /// <summary>Opens a session (OpenAPISession) with the options' credentials.</summary>
    /// <exception cref="AccessTokenException">
    /// The service refused the credentials (its code and description; the inner exception is the
    /// <see cref="OncException"/> of OpenAPISession), or OpenAPISession failed on the way (the inner exception is the
    /// pipeline's typed error). Never holds the password: answers are scrubbed of it before they are read.
    /// </exception>
    protected override async Task<AccessToken> AcquireTokenAsync(CancellationToken cancellationToken)
    {
        var openedAt = TimeProvider.GetUtcNow();
        OpenAPISessionResponse? answer;
        try
        {
            answer = await _wire.SendAsync(
                OncOperations.OpenApiSession,
                sessionId: null,
                this,
                static provider => provider._service.OpenAPISessionAsync(provider._accountId, provider._userName, provider._password),
                personal: null,
                cancellationToken).ConfigureAwait(false);
        }
        catch (VendorApiException failure) when (failure is not AccessTokenException)
        {
            throw new AccessTokenException(VendorName, failure.StatusCode, failure.ErrorCode, failure.VendorMessage ?? WhatFailed(failure), failure.RequestId, failure);
        }
        if (answer is null || answer.ErrorCode != 0 || string.IsNullOrEmpty(answer.SessionId))
        {
            var description = answer?.Description ?? (answer is null ? "the service gave no answer" : "the answer holds no session id");
            var refused = new OncException(OncOperations.OpenApiSession, answer?.ErrorCode is 0 ? null : answer?.ErrorCode, description, DeliveryState.Refused);
            throw new AccessTokenException(VendorName, statusCode: null, refused.ErrorCode, refused.VendorMessage, requestId: null, refused);
        }

        lock (_gate)
        {
            _openSession = answer.SessionId;
            _lastActivity = openedAt;
        }
        OncLog.SessionOpened(Logger, _accountId);
        return new AccessToken(answer.SessionId, openedAt + _idleTimeout);
    }

    /// <summary>"OpenAPISession: " and the SDK's own words for a failure with no answer to quote (a timeout, a broken connection).</summary>
    private string WhatFailed(VendorApiException failure)
    {
        var prefix = VendorName + ": ";
        var summary = failure.Message.StartsWith(prefix, StringComparison.Ordinal) ? failure.Message[prefix.Length..] : failure.Message;
        return $"{OncOperations.OpenApiSession}: {summary}";
    }

    /// <summary>A session lives until it has been idle for the timeout: its expiry moves with every accepted call.</summary>
    protected override DateTimeOffset ExpiryOf(AccessToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (_gate)
            return token.Value == _openSession ? _lastActivity + _idleTimeout : token.ExpiresAt;
    }
}
