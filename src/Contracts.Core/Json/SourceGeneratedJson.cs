using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Core.Json;

/// <summary>
/// The JSON settings of one generated client over its source-generated <see cref="JsonSerializerContext"/>: the
/// SDK's defaults, the vendor's own converters, and metadata only from the context, so no model is read or written
/// through reflection-based serialisation.
/// </summary>
public sealed class SourceGeneratedJson
{
    /// <summary>
    /// Settings that read and write through <paramref name="context"/>: optional fields left unset are left out (not
    /// sent as null), text goes out as plain UTF-8 (a body is never embedded in HTML, so HTML-safe escaping would
    /// only turn "+1501..." into "\u002B1501..."), maps are written without boxing; <paramref name="configure"/>
    /// adds the vendor's quirks (a converter for its date form).
    /// </summary>
    public SourceGeneratedJson(JsonSerializerContext context, Action<JsonSerializerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        configure?.Invoke(options);
        options.TypeInfoResolver = context
            .WithAddedModifier(GeneratedModelJson.ReadExtensionDataIfCreated)
            .WithAddedModifier(GeneratedModelJson.WriteMapsWithoutBoxing);
        options.MakeReadOnly();
        Options = options;
    }

    /// <summary>The settings, read-only.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>The source-generated metadata of <typeparamref name="T"/> under these settings.</summary>
    public JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
