using System.Text.Json.Serialization.Metadata;

namespace Contracts.Core.Json;

/// <summary>
/// The metadata modifiers every generated client's JSON settings share (<see cref="SourceGeneratedJson"/> applies them
/// over the client's source-generated context).
/// </summary>
public static class GeneratedModelJson
{
    /// <summary>
    /// Generated models create an empty AdditionalProperties dictionary the first time the property is read, and the
    /// serializer reads it for every object it writes: a 100-destination push allocated 100 dictionaries. This
    /// modifier makes the serializer read <see cref="ExtensibleModel.AdditionalPropertiesIfCreated"/> instead (null
    /// when no unknown field was ever seen).
    /// </summary>
    public static void ReadExtensionDataIfCreated(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind != JsonTypeInfoKind.Object || !typeof(ExtensibleModel).IsAssignableFrom(typeInfo.Type))
            return;
        foreach (var property in typeInfo.Properties)
        {
            if (property.IsExtensionData)
                property.Get = static model => ((ExtensibleModel)model).AdditionalPropertiesIfCreated;
        }
    }

    /// <summary>
    /// Map properties (<c>IDictionary&lt;string, string&gt;</c>, <c>IDictionary&lt;string, object&gt;</c>) are written by
    /// <see cref="MapConverter{TValue}"/>: the same JSON without an enumerator allocated per map. Extension data is left
    /// to the serializer, which writes it as members of the object around it.
    /// </summary>
    public static void WriteMapsWithoutBoxing(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
            return;
        foreach (var property in typeInfo.Properties)
        {
            if (property.IsExtensionData || property.CustomConverter is not null)
                continue;
            if (property.PropertyType == typeof(IDictionary<string, string>))
                property.CustomConverter = MapConverter<string>.Instance;
            else if (property.PropertyType == typeof(IDictionary<string, object>))
                property.CustomConverter = MapConverter<object>.Instance;
        }
    }
}
