using System.Text.Json.Serialization;

namespace Contracts.Core.Json;

/// <summary>
/// The base of every generated model whose JSON object may carry fields its contract does not declare: it keeps them
/// in <see cref="AdditionalProperties"/> so that they round-trip unchanged. The dictionary is created on first read,
/// and the SDK's serializer settings read <see cref="AdditionalPropertiesIfCreated"/> when writing, so writing a model
/// never creates an empty dictionary just to find it empty. A derived model keeps them through its base.
/// </summary>
public abstract class ExtensibleModel
{
    private IDictionary<string, object>? _additionalProperties;

    /// <summary>
    /// Fields of the JSON object that the contract does not declare, kept so that they round-trip unchanged. The
    /// dictionary is created on first read.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, object> AdditionalProperties
    {
        get => _additionalProperties ??= new Dictionary<string, object>();
        set => _additionalProperties = value;
    }

    /// <summary>The model's unknown fields, or <see langword="null"/> when none was ever read or set.</summary>
    protected internal IDictionary<string, object>? AdditionalPropertiesIfCreated => _additionalProperties;
}
