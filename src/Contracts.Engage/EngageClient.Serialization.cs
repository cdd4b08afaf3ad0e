using System.Text.Json;
using Contracts.Core.Json;

namespace Contracts.Engage;

public partial class EngageClient
{
    /// <summary>
    /// The SDK's shared settings for generated clients (<see cref="GeneratedModelJson.ApplyDefaults"/>), plus ENGAGE
    /// as it really answers and as its tables say to send: errorCode and response are read whether ENGAGE sends them
    /// as strings, numbers or objects; date-times go out in UTC with a Z, as the ENGAGE Federated Batch Push guide shows.
    /// </summary>
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        GeneratedModelJson.ApplyDefaults(settings);
        settings.Converters.Add(new LenientStringConverter());
        settings.Converters.Add(new UtcDateTimeOffsetConverter());
    }
}
