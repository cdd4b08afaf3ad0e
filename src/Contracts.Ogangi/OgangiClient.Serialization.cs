using System.Text.Json;
using Contracts.Core.Json;

namespace Contracts.Ogangi;

public partial class OgangiClient
{
    /// <summary>
    /// The fire message descriptor (the only JSON Ogangi receives) uses the SDK's shared settings for generated
    /// clients (<see cref="GeneratedModelJson.ApplyDefaults"/>): unset fields left out rather than sent as null, text
    /// as plain UTF-8 rather than HTML-safe escapes.
    /// </summary>
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => GeneratedModelJson.ApplyDefaults(settings);
}
