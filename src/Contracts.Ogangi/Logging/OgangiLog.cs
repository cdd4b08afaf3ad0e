using Microsoft.Extensions.Logging;

namespace Contracts.Ogangi.Logging;

/// <summary>
/// Every log line Contracts.Ogangi writes. None takes a key, a signature, a URL, a phone number or a text: the URL
/// of an Ogangi call carries all of them.
/// </summary>
internal static partial class OgangiLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Ogangi {Method} completed")]
    public static partial void Completed(ILogger logger, string method);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Ogangi refused {Method}: {Status} (HTTP {StatusCode})")]
    public static partial void Refused(ILogger logger, string method, string? status, int? statusCode);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Ogangi {Method} answered HTTP {StatusCode} without a readable Ogangi response")]
    public static partial void Unreadable(ILogger logger, string method, int? statusCode);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Ogangi refused the signature of {Method}: check PublicKey, PrivateKey and InstanceId")]
    public static partial void BadSignature(ILogger logger, string method);
}
