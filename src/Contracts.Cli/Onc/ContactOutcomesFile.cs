using Contracts.Cli.Output;
using Contracts.Core.Batching;
using Contracts.Onc;

namespace Contracts.Cli.Onc;

/// <summary>
/// Writes every contact of a run with its outcome as CSV (through <see cref="CsvOutput"/>: quoted, formula cells
/// neutralised), as results stream in: the full per-contact record (id, destinations, outcome, why), without holding
/// the run in memory.
/// </summary>
internal sealed class ContactOutcomesFile : IDisposable
{
    private readonly CsvOutput _csv;

    public ContactOutcomesFile(string path) => _csv = new CsvOutput(path, "id", "sms", "voice", "email", "outcome", "kind", "errorCode", "reason");

    public void Add(BatchChunkResult<OutboundNotificationContactInfo> result)
    {
        foreach (var contact in result.Items)
        {
            _csv.Add(
                contact.Id.ToString(), contact.SMSCommInfo?.Destination, contact.VoiceCommInfo?.Destination, contact.EmailCommInfo?.Destination,
                result.Outcome.ToString(), result.Failure?.Kind.ToString(), result.Failure?.ErrorCode, result.Failure?.Reason);
        }
    }

    public void Dispose() => _csv.Dispose();
}
