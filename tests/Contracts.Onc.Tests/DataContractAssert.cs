using System.Reflection;
using System.Runtime.Serialization;

namespace Contracts.Onc.Tests;

/// <summary>Compares generated data contracts member by member, nested ones included, naming the first member that differs.</summary>
internal static class DataContractAssert
{
    public static void Equal(object? expected, object? actual, string what)
    {
        if (expected is not null && expected.GetType().IsClass && expected.GetType().GetCustomAttribute<DataContractAttribute>() is not null)
        {
            Assert.NotNull(actual);
            foreach (var property in expected.GetType().GetProperties().Where(p => p.Name != "ExtensionData"))
                Equal(property.GetValue(expected), property.GetValue(actual), $"{what}.{property.Name}");
            return;
        }
        Assert.True(Equals(expected, actual), $"{what}: expected {expected}, got {actual}");
    }
}
