using System.Text.Json.Serialization;

namespace Contracts.Core.Json;

/// <summary>
/// Chooses the converter that reads a property's declared scalar lenient forms (a date, a string, a number), by the
/// property's type. Object-or-array is not chosen here: the generator names its converter closed over the property's
/// type (<see cref="LenientListOrSingle{T}"/>, <see cref="LenientObjectOrMerged{T}"/>), as Native AOT needs.
/// </summary>
internal static class LenientConverters
{
    public static JsonConverter? For(Type type, IReadOnlyList<string> forms)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var valueType = underlying ?? type;
        JsonConverter? converter = null;
        if (valueType == typeof(DateTimeOffset) && forms.Contains(LenientForms.DateSpace))
            converter = new SpacedDateTimeOffsetConverter();
        else if (type == typeof(string) && (forms.Contains(LenientForms.StringOrNumber) || forms.Contains(LenientForms.ObjectAsText)))
            converter = new ScalarAsStringConverter(forms.Contains(LenientForms.StringOrNumber), forms.Contains(LenientForms.ObjectAsText));
        else if (forms.Contains(LenientForms.StringOrNumber) && QuotedScalarConverter.Handles(valueType))
            converter = QuotedScalarConverter.Create(valueType);
        if (converter is null || underlying is null || converter.CanConvert(type))
            return converter;
        return NullableOf(underlying, converter);
    }

    // Closed over each value type a lenient converter reads, not made at run time: a Native AOT app has no code for a
    // generic instantiation over a value type that nothing in the program names.
    private static JsonConverter NullableOf(Type underlying, JsonConverter inner) => underlying switch
    {
        _ when underlying == typeof(DateTimeOffset) => new NullableOf<DateTimeOffset>((JsonConverter<DateTimeOffset>)inner),
        _ when underlying == typeof(bool) => new NullableOf<bool>((JsonConverter<bool>)inner),
        _ when underlying == typeof(int) => new NullableOf<int>((JsonConverter<int>)inner),
        _ when underlying == typeof(long) => new NullableOf<long>((JsonConverter<long>)inner),
        _ when underlying == typeof(double) => new NullableOf<double>((JsonConverter<double>)inner),
        _ when underlying == typeof(decimal) => new NullableOf<decimal>((JsonConverter<decimal>)inner),
        _ => throw new NotSupportedException($"No lenient converter reads a nullable {underlying.Name}."),
    };
}
