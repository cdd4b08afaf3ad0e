using System.Text.Json;

namespace Contracts.Accengage;

public partial class AccengageClient
{
    /// <summary>
    /// Date-times keep the offset the caller gave, since Accengage reads the time zone of a schedule from it. Fields
    /// and answers the document shows in several forms say so in the contract (x-lenient) and are read in those forms
    /// only; the error body is read here, in both its forms (an object with an errors array, or a bare array).
    /// </summary>
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
        => settings.Converters.Add(ErrorBodyConverter.Instance);
}

