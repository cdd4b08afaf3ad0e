using System.Globalization;
using Contracts.Onc;
using Contracts.Cli.Input;

namespace Contracts.Cli.Onc;

/// <summary>
/// Reads ONC contacts from a CSV file (through <see cref="CsvInput"/>), lazily, so a large file costs no more memory
/// than one row. The header (comma, semicolon, tab or pipe separated; names in any case) names at least one
/// destination column: <c>sms</c>, <c>voice</c> (phone numbers) or <c>email</c>; optional columns are <c>id</c> (the
/// contact's GUID; a new one when blank), <c>text</c> (replaces the campaign's text on every channel the row has) and
/// <c>retryCount</c> (attempts left, 0 to 255). Fields may be quoted (RFC 4180). Rows whose fields are all blank, and
/// lines starting with <c>#</c>, are skipped.
/// </summary>
public static class ContactFile
{
    /// <summary>The columns the header may name.</summary>
    public static readonly IReadOnlyList<string> Columns = ["id", "sms", "voice", "email", "text", "retryCount"];

    /// <summary>Reads the contacts of <paramref name="path"/> for <paramref name="campaignId"/>.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="campaignId">The campaign every contact is added to.</param>
    /// <param name="retryCount">Attempts left for rows without a retryCount.</param>
    /// <exception cref="FormatException">The header names no destination column, or a row's id or retryCount does not parse.</exception>
    public static IEnumerable<OutboundNotificationContactInfo> Read(string path, Guid campaignId, int retryCount)
    {
        var column = default(Dictionary<string, int>);
        var headerRow = 0;
        foreach (var line in CsvInput.Read(path))
        {
            if (column is null)
            {
                column = Columns.ToDictionary(name => name, name => FindColumn(line.Values, name), StringComparer.Ordinal);
                if (column["sms"] < 0 && column["voice"] < 0 && column["email"] < 0)
                    throw new FormatException($"{path}: the CSV header names no destination column (sms, voice or email); its columns: {string.Join(", ", line.Values)}.");
                headerRow = line.Row;
                continue;
            }

            string? Field(string name) => line[column[name]] is { Length: > 0 } value ? value : null;

            if (Columns.All(name => Field(name) is null))
                continue; // a row with only columns notify does not read
            var row = line.Row - headerRow;
            var text = Field("text");
            var retries = Field("retryCount") is { } count ? Parse(path, row, "retryCount", count, int.Parse) : retryCount;
            CommunicationInfo? Channel(string name) => Field(name) is { } destination
                ? new CommunicationInfo { Destination = destination, TextToSendOverwrite = text, RetryCount = retries }
                : null;

            yield return new OutboundNotificationContactInfo
            {
                Id = Field("id") is { } id ? Parse(path, row, "id", id, Guid.Parse) : Guid.NewGuid(),
                CampaignId = campaignId,
                SMSCommInfo = Channel("sms"),
                VoiceCommInfo = Channel("voice"),
                EmailCommInfo = Channel("email"),
            };
        }
        if (column is null)
            throw new FormatException($"{path}: the file is empty; its first row must be a header naming sms, voice or email.");
    }

    /// <summary>
    /// Counts the contacts of <paramref name="path"/>, reading every row: a fast pass that finds a bad header or value
    /// before anything is sent, and gives a progress bar its total.
    /// </summary>
    /// <exception cref="FormatException">As <see cref="Read"/>.</exception>
    public static long Count(string path)
    {
        long count = 0;
        foreach (var _ in Read(path, Guid.Empty, retryCount: 0))
            count++;
        return count;
    }

    /// <summary>Where a contact can be reached, for messages: its destinations joined.</summary>
    public static string Describe(OutboundNotificationContactInfo contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return string.Join(" ", new[] { ("sms", contact.SMSCommInfo), ("voice", contact.VoiceCommInfo), ("email", contact.EmailCommInfo) }
            .Where(c => c.Item2 is not null)
            .Select(c => $"{c.Item1} {c.Item2!.Destination}"));
    }

    private static int FindColumn(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], name, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }

    private static T Parse<T>(string path, int row, string column, string value, Func<string, IFormatProvider, T> parse)
    {
        try
        {
            return parse(value, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new FormatException($"{path}: data row {row} (after the header): {column} '{value}' is not valid ({ex.Message})", ex);
        }
    }
}
