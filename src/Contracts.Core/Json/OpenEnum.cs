using System.Reflection;
using System.Runtime.Serialization;

namespace Contracts.Core.Json;

/// <summary>
/// Reads an open enumeration: a contract field whose values the vendor document lists but may extend (or spell two
/// ways) is a string in the model, so an unknown value is kept and readable; this maps it to the enum of known
/// values the contract also declares (through each member's <see cref="EnumMemberAttribute"/> value).
/// </summary>
public static class OpenEnum
{
    /// <summary>The known member whose wire value is <paramref name="value"/> (ordinal), or null when it is unknown or null.</summary>
    /// <typeparam name="TEnum">The enum of known values the generator made from the contract.</typeparam>
    /// <param name="value">The value as read.</param>
    public static TEnum? Known<TEnum>(string? value)
        where TEnum : struct, Enum
    {
        if (value is null)
            return null;
        foreach (var field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var wire = field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name;
            if (string.Equals(wire, value, StringComparison.Ordinal))
                return (TEnum)field.GetValue(null)!;
        }
        return null;
    }

    /// <summary>The wire value of <paramref name="value"/>, as the contract spells it.</summary>
    /// <typeparam name="TEnum">The enum of known values.</typeparam>
    /// <param name="value">A known value.</param>
    public static string WireValue<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return typeof(TEnum).GetField(name)?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? name;
    }
}
