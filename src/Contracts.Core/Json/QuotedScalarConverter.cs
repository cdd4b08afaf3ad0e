using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Contracts.Core.Json;

/// <summary>
/// <see cref="LenientForms.StringOrNumber"/> on a number or boolean property: also read from a string holding the
/// value (<c>"960"</c>, <c>"false"</c>); written as a number or boolean.
/// </summary>
internal static class QuotedScalarConverter
{
    public static bool Handles(Type type) => type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal);

    public static JsonConverter Create(Type type) => type switch
    {
        _ when type == typeof(bool) => new Quoted<bool>(text => bool.Parse(text), (writer, value) => writer.WriteBooleanValue(value)),
        _ when type == typeof(int) => new Quoted<int>(text => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture), (writer, value) => writer.WriteNumberValue(value)),
        _ when type == typeof(long) => new Quoted<long>(text => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture), (writer, value) => writer.WriteNumberValue(value)),
        _ when type == typeof(double) => new Quoted<double>(text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), (writer, value) => writer.WriteNumberValue(value)),
        _ => new Quoted<decimal>(text => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture), (writer, value) => writer.WriteNumberValue(value)),
    };

    private sealed class Quoted<T>(Func<string, T> parse, Action<Utf8JsonWriter, T> write) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
                return JsonSerializer.Deserialize(ref reader, TypeInfoOf.For<T>(options))!;
            try
            {
                return parse(reader.GetString()!.Trim());
            }
            catch (FormatException e)
            {
                throw new JsonException($"The string is not a {typeof(T).Name}.", e);
            }
            catch (OverflowException e)
            {
                throw new JsonException($"The string is out of range for a {typeof(T).Name}.", e);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => write(writer, value);
    }
}
