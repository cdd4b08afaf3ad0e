using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Contracts.Testing;

/// <summary>Sweeps of the models a client assembly reads, for rules every vendor's models keep.</summary>
public static class ModelConventions
{
    /// <summary>
    /// The serialised members (JSON properties, data contract members) typed as an enum, or a list or map of one, as
    /// <c>Type.Member</c>: such a member fails the whole read on a value the enum does not list, so an answer's
    /// enumerations are read as strings (or numbers) with their known values beside them.
    /// </summary>
    public static IReadOnlyList<string> ClosedEnumMembers(Assembly assembly)
        => assembly.GetTypes()
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(property => (property.GetCustomAttribute<JsonPropertyNameAttribute>() is not null || property.GetCustomAttribute<DataMemberAttribute>() is not null)
                               && IsEnum(property.PropertyType))
            .Select(property => $"{property.DeclaringType!.Name}.{property.Name}")
            .ToList();

    private static bool IsEnum(Type type)
    {
        var element = type.IsGenericType ? type.GetGenericArguments()[^1] : type;
        return (Nullable.GetUnderlyingType(element) ?? element).IsEnum;
    }
}
