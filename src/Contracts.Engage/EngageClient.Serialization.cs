using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Contracts.Core.Json;

namespace Contracts.Engage;

public partial class EngageClient
{
    /// <summary>
    /// Adjusts the generated serializer to ENGAGE as it really answers and as its tables say to send:
    /// optional fields are left out rather than sent as null; errorCode and response are read whether ENGAGE
    /// sends them as strings, numbers or objects; date-times go out in UTC with a Z, as the seed shows; phone
    /// numbers go out as "+1501..." rather than "\u002B1501...", and personalization text as plain UTF-8 (the
    /// body is never embedded in HTML, so the HTML-safe escaping of the default encoder buys nothing).
    /// </summary>
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        settings.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        settings.Converters.Add(new LenientStringConverter());
        settings.Converters.Add(new UtcDateTimeOffsetConverter());
    }
}
