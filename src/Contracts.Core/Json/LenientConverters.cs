using System.Text.Json.Serialization;

namespace Contracts.Core.Json;

/// <summary>Chooses the converter that reads a property's declared lenient forms, by the property's type.</summary>
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
        else if (forms.Contains(LenientForms.ObjectOrArray))
            converter = ObjectOrArrayConverter.Create(type);
        if (converter is null || underlying is null || converter.CanConvert(type))
            return converter;
        return (JsonConverter)Activator.CreateInstance(typeof(NullableOf<>).MakeGenericType(underlying), converter)!;
    }
}
