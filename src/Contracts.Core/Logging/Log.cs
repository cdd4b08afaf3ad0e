using Microsoft.Extensions.Logging;

namespace Contracts.Core.Logging;

/// <summary>
/// Every log line Contracts.Core writes. None takes a token, key or secret as an argument, so none can leak one.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{Provider} acquired a token that expires at {ExpiresAt:O}")]
    public static partial void TokenAcquired(ILogger logger, string provider, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "{Provider} could not acquire a token ({ExceptionType})")]
    public static partial void TokenAcquisitionFailed(ILogger logger, string provider, string exceptionType);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "{Provider} dropped a token the vendor rejected")]
    public static partial void TokenInvalidated(ILogger logger, string provider);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "{Method} to {Host} was refused with {StatusCode}; retrying once with a fresh token")]
    public static partial void RetryingWithFreshToken(ILogger logger, string method, string host, int statusCode);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Not sending the token to {Host}: not an allowed host")]
    public static partial void HostNotAllowed(ILogger logger, string host);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Chunk {ChunkIndex} ({Count} items): {Outcome}")]
    public static partial void ChunkCompleted(ILogger logger, long chunkIndex, int count, string outcome);

    // The vendor's reason text stays out: it may quote what the request carried (a number, a message).
    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Chunk {ChunkIndex} ({Count} items) not accepted: {Outcome}, {FailureKind}, HTTP {StatusCode}, error code {ErrorCode}, request id {RequestId}")]
    public static partial void ChunkNotAccepted(ILogger logger, long chunkIndex, int count, string outcome, string? failureKind, int? statusCode, string? errorCode, string? requestId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Batch stopped after chunk {ChunkIndex}: {Reason}; the remaining items are reported as not attempted")]
    public static partial void BatchStopped(ILogger logger, long chunkIndex, string reason);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Batch stopped: the observer could not record a result ({ExceptionType}); the requests on the wire finish and the remaining items are reported as not attempted")]
    public static partial void BatchStoppedUnrecorded(ILogger logger, string exceptionType);
}
