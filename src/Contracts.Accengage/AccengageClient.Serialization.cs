using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Contracts.Core.Json;

namespace Contracts.Accengage;

public partial class AccengageClient
{
    /// <summary>
    /// Adjusts the generated serializer to Accengage: optional fields left unset are left out rather than sent as
    /// null (a null would overwrite the field on an update); text goes out as plain UTF-8 (French and other accented
    /// message text stays readable, and the body is never embedded in HTML); and answers are read leniently, as most
    /// model fields are inferred from a document that lost its tables: a number where the contract says string (and
    /// the reverse) is read rather than failing the whole call. Date-times keep the offset the caller gave, since
    /// Accengage reads the time zone of a schedule from it.
    /// </summary>
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        settings.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        settings.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        settings.Converters.Add(new LenientStringConverter());
    }
}
