using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;

namespace Contracts.Core.Http;

/// <summary>
/// A typed path, query or header value as the wire writes it: invariant culture, booleans in lower case, enums by
/// the contract's name for the value, dates as the contract's formats say. Escaping is <see cref="OperationRequest"/>'s.
/// </summary>
public static class WireText
{
    /// <summary>The text itself.</summary>
    public static string? Of(string? value) => value;

    /// <summary>A boolean as <c>true</c> or <c>false</c>.</summary>
    public static string? Of(bool? value) => value is { } v ? (v ? "true" : "false") : null;

    /// <summary>An integer in invariant culture.</summary>
    public static string? Of(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>An integer in invariant culture.</summary>
    public static string? Of(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number in invariant culture.</summary>
    public static string? Of(double? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number in invariant culture.</summary>
    public static string? Of(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A UUID in its 36-character form.</summary>
    public static string? Of(Guid? value) => value?.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>A date-time as <c>yyyy-MM-ddTHH:mm:ss</c> (the contract's date-time parameter format).</summary>
    public static string? Of(DateTimeOffset? value) => value?.ToString("s", CultureInfo.InvariantCulture);

    /// <summary>A date as <c>yyyy-MM-dd</c> (the contract's date parameter format).</summary>
    public static string? OfDate(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An enum by the contract's name for the value (its <see cref="EnumMemberAttribute"/>).</summary>
    public static string? Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = Enum.GetName(value);
        if (name is null)
            return Convert.ToString(value, CultureInfo.InvariantCulture);
        return typeof(TEnum).GetField(name)?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? name;
    }

    /// <summary>An optional enum by the contract's name for the value; null when absent.</summary>
    public static string? Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(TEnum? value)
        where TEnum : struct, Enum
        => value is { } v ? Of(v) : null;

    /// <summary>Each value of a list as the wire writes it (one query item each).</summary>
    public static IEnumerable<string?>? Of<T>(IEnumerable<T>? values, Func<T, string?> each)
    {
        ArgumentNullException.ThrowIfNull(each);
        return values?.Select(each);
    }
}
