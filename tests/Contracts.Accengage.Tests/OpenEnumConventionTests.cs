using System.Reflection;
using System.Text.Json.Serialization;

namespace Contracts.Accengage.Tests;

/// <summary>
/// No model the client reads holds a closed enum: an enum property fails the whole read on a value it does not
/// list, so every enumeration in an answer is a string (open), with its known values beside it.
/// </summary>
public sealed class OpenEnumConventionTests
{
    [Fact]
    public void No_model_property_is_a_closed_enum()
    {
        var closed = typeof(AccengageClient).Assembly.GetExportedTypes()
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(property => property.GetCustomAttribute<JsonPropertyNameAttribute>() is not null && IsEnum(property.PropertyType))
            .Select(property => $"{property.DeclaringType!.Name}.{property.Name}")
            .ToList();

        Assert.Empty(closed);
    }

    private static bool IsEnum(Type type)
    {
        var element = type.IsGenericType ? type.GetGenericArguments()[^1] : type;
        return (Nullable.GetUnderlyingType(element) ?? element).IsEnum;
    }
}
