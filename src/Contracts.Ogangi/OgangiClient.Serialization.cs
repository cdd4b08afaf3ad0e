using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Contracts.Ogangi;

public partial class OgangiClient
{
    /// <summary>
    /// The fire message descriptor (the only JSON Ogangi receives) leaves unset fields out rather than sending them
    /// as null, and keeps its text as plain UTF-8 rather than HTML-safe escapes (the body is never embedded in HTML).
    /// </summary>
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        settings.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }
}
