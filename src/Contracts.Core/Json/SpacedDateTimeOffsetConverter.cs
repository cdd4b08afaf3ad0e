using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Contracts.Core.Json;

/// <summary>
/// <see cref="LenientForms.DateSpace"/>: reads an ISO 8601 date-time, or the <c>YYYY-MM-DD hh:mm:ss</c> and
/// <c>YYYY-MM-DD</c> forms some documents give for the same field (no offset: read as UTC); writes ISO 8601 with the
/// value's own offset, as the strict form does.
/// </summary>
internal sealed class SpacedDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private static readonly string[] SpacedForms = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd"];

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"Cannot read a {reader.TokenType} token as a date-time.");
        if (reader.TryGetDateTimeOffset(out var value))
            return value;
        var text = reader.GetString();
        if (DateTimeOffset.TryParseExact(text, SpacedForms, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
            return value;
        throw new JsonException("The value is neither an ISO 8601 date-time nor YYYY-MM-DD hh:mm:ss.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        => writer.WriteStringValue(value);
}
