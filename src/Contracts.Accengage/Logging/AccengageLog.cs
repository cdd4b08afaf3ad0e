using Microsoft.Extensions.Logging;

namespace Contracts.Accengage.Logging;

/// <summary>Every log line Contracts.Accengage writes. None takes the API key, a token or a user's data.</summary>
internal static partial class AccengageLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Accengage refused a request of {Count} {ItemKind}: HTTP {StatusCode}, labels {Labels}; stopping the batch: {StopBatch}")]
    public static partial void ChunkRefused(ILogger logger, int count, string itemKind, int statusCode, string labels, bool stopBatch);
}
