using Microsoft.Extensions.Logging;

namespace Contracts.Engage.Logging;

/// <summary>Every log line Contracts.Engage writes. None takes a secret, token or phone number.</summary>
internal static partial class EngageLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Personalization value {Name} has {Length} characters; First Orion recommends at most {Recommended}, longer values may not display on every device")]
    public static partial void LongPersonalization(ILogger logger, string name, int length, int recommended);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Pushed {Count} destinations (request id {RequestId})")]
    public static partial void Pushed(ILogger logger, int count, string requestId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "ENGAGE refused a push of {Count} destinations: error code {ErrorCode}, request id {RequestId}")]
    public static partial void PushRefused(ILogger logger, int count, string? errorCode, string requestId);
}
