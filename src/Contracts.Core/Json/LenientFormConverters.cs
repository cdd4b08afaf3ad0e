using System.Text.Json;
using System.Text.Json.Serialization;

namespace Contracts.Core.Json;

/// <summary>
/// Reads a property in the alternative forms its contract declares (<c>x-lenient</c>, see <see cref="LenientForms"/>)
/// and writes it in the strict form. The generator names the subclass for the declared forms in a
/// <see cref="JsonConverterAttribute"/>: a factory with no arguments is what System.Text.Json's source generator
/// can instantiate, where an attribute carrying the forms is not.
/// </summary>
public abstract class LenientFormConverter : JsonConverterFactory
{
    private readonly string[] _forms;

    /// <summary>Creates the factory for <paramref name="forms"/>.</summary>
    protected LenientFormConverter(params string[] forms) => _forms = forms;

    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => LenientConverters.For(typeToConvert, _forms) is not null;

    /// <inheritdoc />
    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => LenientConverters.For(typeToConvert, _forms)
            ?? throw new InvalidOperationException($"The lenient forms {string.Join(", ", _forms)} do not apply to a property of type {typeToConvert}.");
}

/// <summary>A date-time also read as <c>YYYY-MM-DD hh:mm:ss</c> (<see cref="LenientForms.DateSpace"/>).</summary>
public sealed class LenientDateSpace() : LenientFormConverter(LenientForms.DateSpace);

/// <summary>A string also read from a number, a number from a string (<see cref="LenientForms.StringOrNumber"/>).</summary>
public sealed class LenientStringOrNumber() : LenientFormConverter(LenientForms.StringOrNumber);

/// <summary>A string also read from a number or from an object's JSON text (<see cref="LenientForms.StringOrNumber"/>, <see cref="LenientForms.ObjectAsText"/>).</summary>
public sealed class LenientStringOrNumberAndObjectAsText() : LenientFormConverter(LenientForms.StringOrNumber, LenientForms.ObjectAsText);
