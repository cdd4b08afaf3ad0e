using System.Text.Json.Serialization;

namespace Contracts.Core.Json;

/// <summary>
/// Reads one property in the alternative forms its contract declares (<c>x-lenient</c>, see <see cref="LenientForms"/>)
/// besides the form the contract's type says; writes it in that strict form. The generator puts it on the property.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class LenientAttribute : JsonConverterAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="forms">The forms declared (<see cref="LenientForms"/>).</param>
    /// <exception cref="ArgumentException">A form is not one of <see cref="LenientForms.All"/>.</exception>
    public LenientAttribute(params string[] forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        foreach (var form in forms)
        {
            if (!LenientForms.All.Contains(form))
                throw new ArgumentException($"'{form}' is not a lenient form this SDK knows ({string.Join(", ", LenientForms.All)}).", nameof(forms));
        }
        Forms = forms;
    }

    /// <summary>The forms declared.</summary>
    public IReadOnlyList<string> Forms { get; }

    /// <inheritdoc />
    public override JsonConverter? CreateConverter(Type typeToConvert)
        => LenientConverters.For(typeToConvert, Forms)
            ?? throw new InvalidOperationException($"The lenient forms {string.Join(", ", Forms)} do not apply to a property of type {typeToConvert}.");
}
