using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Contracts.Core.Json;

namespace Contracts.Core.Tests;

/// <summary>
/// The SDK's JSON settings for generated models (those of <see cref="SourceGeneratedJson"/>) with metadata built by
/// reflection, for the hand-made model shapes of these tests, which no source-generated context covers.
/// </summary>
internal static class ReflectionModelJson
{
    public static JsonSerializerOptions Options() => new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { GeneratedModelJson.ReadExtensionDataIfCreated, GeneratedModelJson.WriteMapsWithoutBoxing } },
    };
}
