using System.Text.Json;
using Contracts.Core.Json;

namespace Contracts.Accengage;

public partial class AccengageClient
{
    /// <summary>
    /// The SDK's shared settings for generated clients (<see cref="GeneratedModelJson.ApplyDefaults"/>: unset fields
    /// left out, which matters here since a null would overwrite the field on an update; plain UTF-8 text, so
    /// accented message text stays readable). Date-times keep the offset the caller gave, since Accengage reads the
    /// time zone of a schedule from it. Fields the document shows in several forms say so in the contract
    /// (x-lenient) and are read in those forms only; two whole answers do too, read here: the error body (an object
    /// with an errors array, or a bare array) and the schedule exclusions (a list, or one exclusion).
    /// </summary>
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        GeneratedModelJson.ApplyDefaults(settings);
        settings.Converters.Add(new ErrorBodyConverter());
        settings.Converters.Add(new LenientAttribute(LenientForms.ObjectOrArray).CreateConverter(typeof(IList<ScheduleExclusion>))!);
    }
}
