using Contracts.Core.Batching;
using Contracts.Engage;

namespace Contracts.Cli.Output;

/// <summary>
/// Writes every destination that was not accepted, with its outcome and reason, as CSV, as the batch streams:
/// the record of exactly what did not go through, without holding the batch in memory.
/// </summary>
internal sealed class FailuresFile : IDisposable
{
    private readonly StreamWriter _writer;

    public FailuresFile(string path)
    {
        _writer = new StreamWriter(path);
        _writer.WriteLine("bNumber,outcome,kind,errorCode,requestId,reason");
    }

    public void Add(BatchChunkResult<Destination> result)
    {
        if (result.Outcome == BatchItemOutcome.Accepted)
            return;
        var failure = result.Failure!;
        foreach (var destination in result.Items)
            _writer.WriteLine($"{destination.BNumber},{result.Outcome},{failure.Kind},{failure.ErrorCode},{failure.RequestId},\"{failure.Reason.Replace("\"", "'", StringComparison.Ordinal)}\"");
    }

    public void Dispose() => _writer.Dispose();
}
