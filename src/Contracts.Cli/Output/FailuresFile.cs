using Contracts.Core.Batching;
using Contracts.Engage;

namespace Contracts.Cli.Output;

/// <summary>
/// Writes every destination that was not accepted, with its outcome and reason, as CSV (through
/// <see cref="CsvOutput"/>: quoted, formula cells neutralised), as the batch streams: the record of exactly what did
/// not go through, without holding the batch in memory.
/// </summary>
internal sealed class FailuresFile : IDisposable
{
    private readonly CsvOutput _csv;

    public FailuresFile(string path) => _csv = new CsvOutput(path, "bNumber", "outcome", "kind", "errorCode", "requestId", "reason");

    public void Add(BatchChunkResult<Destination> result)
    {
        if (result.Outcome == BatchItemOutcome.Accepted)
            return;
        var failure = result.Failure!;
        _csv.AddRows(result.Items.Select(destination => new[] { destination.BNumber, result.Outcome.ToString(), failure.Kind.ToString(), failure.ErrorCode, failure.RequestId, failure.Reason }));
    }

    public void Dispose() => _csv.Dispose();
}
