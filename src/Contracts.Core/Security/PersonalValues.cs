using System.Text.Json;

namespace Contracts.Core.Security;

/// <summary>
/// The values of one call that name or describe a person (a recipient's phone number or e-mail, a device or user id,
/// a message's text), declared on the request with <see cref="Http.OperationRequest.Personal(string?[])"/>. A vendor's
/// error may quote what it was sent: wherever failure text leaves the SDK (an exception's message, vendor message and
/// body excerpt, an unreadable answer's body, and the logs and traces made from them) these values show as
/// <see cref="SecretScrubber.Mask"/>, the way secrets do. Success answers are handed back as the vendor sent them.
/// </summary>
/// <remarks>
/// A value shorter than <see cref="MinimumLength"/> characters is shown: a one-word text ("OK", "Yes"), a digit or
/// a short code is as likely to be the vendor's own word ("OK", "0", "null") as an echo, and masking it would mangle
/// the message while hiding no one. A value written with a leading <c>+</c> (E.164) is masked with and without it,
/// as vendors echo numbers either way.
/// </remarks>
public static class PersonalValues
{
    /// <summary>The shortest personal value that is masked.</summary>
    public const int MinimumLength = 5;

    /// <summary>
    /// A scrubber for <paramref name="values"/> by this rule (null and short values are ignored), for a client that
    /// builds failure text outside <see cref="Http.OperationRequest"/> (ONC's SOAP calls): build it only on failure.
    /// </summary>
    public static SecretScrubber For(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Scrubber([values]);
    }

    /// <summary>A scrubber for the values of <paramref name="declared"/> long enough to be masked (null values are ignored).</summary>
    internal static SecretScrubber Scrubber(IEnumerable<IEnumerable<string?>> declared)
    {
        var masked = new List<string>();
        foreach (var values in declared)
        {
            foreach (var value in values)
            {
                var trimmed = value?.Trim();
                if (trimmed is null || trimmed.Length < MinimumLength)
                    continue;
                masked.Add(trimmed);
                if (trimmed[0] == '+' && trimmed.Length > MinimumLength)
                    masked.Add(trimmed[1..]);
            }
        }
        return SecretScrubber.For(masked);
    }

    /// <summary>
    /// Every string value (not property names) under the top-level <paramref name="properties"/> of the JSON object
    /// <paramref name="json"/>, however deep.
    /// </summary>
    internal static List<string?> TextsUnder(byte[] json, string[] properties)
    {
        var texts = new List<string?>();
        var reader = new Utf8JsonReader(json);
        var personalFrom = -1; // the depth of the personal property's value being read, or -1 outside one
        try
        {
            while (reader.Read())
            {
                if (personalFrom < 0)
                {
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && Array.IndexOf(properties, reader.GetString()) >= 0)
                        personalFrom = reader.CurrentDepth;
                    continue;
                }
                if (reader.TokenType == JsonTokenType.String)
                    texts.Add(reader.GetString());
                if (reader.CurrentDepth <= personalFrom && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                    personalFrom = -1;
            }
        }
        catch (JsonException)
        {
            // The SDK serialised the body itself: it is JSON. Were it not, what was read so far is still masked.
        }
        return texts;
    }
}
