using Microsoft.Extensions.Logging;

namespace Contracts.Onc.Logging;

/// <summary>Every log line Contracts.Onc writes. None takes a password, a session id or a contact's destination.</summary>
internal static partial class OncLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Opened an ONC session for account {AccountId}")]
    public static partial void SessionOpened(ILogger logger, string accountId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "{Operation} failed and the session no longer works; opening a new session and sending it once more")]
    public static partial void SessionLost(ILogger logger, string operation);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Closed the ONC session")]
    public static partial void SessionClosed(ILogger logger);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Could not close the ONC session ({Reason}); the service drops it after its idle timeout")]
    public static partial void SessionCloseFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "{Operation} failed with error code {Code}")]
    public static partial void OperationFailed(ILogger logger, string operation, int? code);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "{Operation} failed and the check of its session failed too ({Failure}, HTTP status {StatusCode}); the call's own failure stands and it is not sent again")]
    public static partial void SessionCheckFailed(ILogger logger, string operation, string failure, int? statusCode);
}
