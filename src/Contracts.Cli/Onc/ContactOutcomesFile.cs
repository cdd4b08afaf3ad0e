using Contracts.Core.Batching;
using Contracts.Onc;

namespace Contracts.Cli.Onc;

/// <summary>
/// Writes every contact of a run with its outcome as CSV, as results stream in: the full per-contact record
/// (id, destinations, outcome, why), without holding the run in memory.
/// </summary>
internal sealed class ContactOutcomesFile : IDisposable
{
    private readonly StreamWriter _writer;

    public ContactOutcomesFile(string path)
    {
        _writer = new StreamWriter(path);
        _writer.WriteLine("id,sms,voice,email,outcome,kind,errorCode,reason");
    }

    public void Add(BatchChunkResult<OutboundNotificationContactInfo> result)
    {
        foreach (var contact in result.Items)
        {
            string[] fields =
            [
                contact.Id.ToString(), contact.SMSCommInfo?.Destination ?? "", contact.VoiceCommInfo?.Destination ?? "", contact.EmailCommInfo?.Destination ?? "",
                result.Outcome.ToString(), result.Failure?.Kind.ToString() ?? "", result.Failure?.ErrorCode ?? "", result.Failure?.Reason ?? "",
            ];
            _writer.WriteLine(string.Join(',', fields.Select(Quote)));
        }
    }

    public void Dispose() => _writer.Dispose();

    // RFC 4180: quote a field holding a separator, a quote or a line break, doubling its quotes.
    private static string Quote(string field)
        => field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
