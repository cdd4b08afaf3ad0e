using System.Text.Json;
using Contracts.Core.Json;

namespace Contracts.Engage;

public partial class EngageClient
{
    /// <summary>
    /// Date-times go out in UTC with a Z, as the ENGAGE Federated Batch Push guide shows. The fields ENGAGE sends in
    /// several forms (errorCode as a number or a string, response as a string or an object) say so in the contract
    /// (x-lenient): nothing else is read leniently.
    /// </summary>
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
        => settings.Converters.Add(new UtcDateTimeOffsetConverter());
}
