using System.Text.Json;
using System.Text.Json.Serialization;
using Contracts.Core.Json;

namespace Contracts.Accengage;

public partial class AccengageClient
{
    /// <summary>
    /// The SDK's shared settings for generated clients (<see cref="GeneratedModelJson.ApplyDefaults"/>: unset fields
    /// left out, which matters here since a null would overwrite the field on an update; plain UTF-8 text, so
    /// accented message text stays readable), and answers read leniently, as most
    /// model fields are inferred from a document that lost its tables: a number where the contract says string (and
    /// the reverse) is read rather than failing the whole call. Date-times keep the offset the caller gave, since
    /// Accengage reads the time zone of a schedule from it.
    /// </summary>
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        GeneratedModelJson.ApplyDefaults(settings);
        settings.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        settings.Converters.Add(new LenientStringConverter());
    }
}
