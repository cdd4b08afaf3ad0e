using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Core.Json;

/// <summary>
/// Serializer settings every NSwag-generated client of this SDK shares; each vendor's
/// <c>UpdateJsonSerializerSettings</c> partial calls <see cref="ApplyDefaults"/> and adds only its own quirks.
/// </summary>
public static class GeneratedModelJson
{
    private const string ReflectionMetadata = "Builds JSON metadata by reflection: a trimmed or Native AOT app cannot use it; a client on the SDK's own templates uses its source-generated context instead.";

    /// <summary>
    /// Optional fields left unset are left out (not sent as null); text goes out as plain UTF-8 (a request body is
    /// never embedded in HTML, so the default encoder's HTML-safe escaping of '+' and non-ASCII buys nothing and
    /// turns "+1501..." into "\u002B1501..."); unknown fields still round-trip through AdditionalProperties, without
    /// the cost of an empty dictionary per serialized object; map properties are written without an enumerator
    /// allocated per map.
    /// </summary>
    /// <remarks>
    /// Metadata by reflection, for a client on NSwag's stock template (Ogangi, until it moves onto the send path); a
    /// client on this SDK's templates reads and writes through its source-generated context (<see cref="SourceGeneratedJson"/>).
    /// </remarks>
    [RequiresUnreferencedCode(ReflectionMetadata), RequiresDynamicCode(ReflectionMetadata)]
    public static void ApplyDefaults(JsonSerializerOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        settings.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        settings.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ReadExtensionDataIfCreated, WriteMapsWithoutBoxing } };
    }

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
