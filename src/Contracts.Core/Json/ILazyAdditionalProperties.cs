namespace Contracts.Core.Json;

/// <summary>
/// A generated model whose <c>AdditionalProperties</c> dictionary is created on first read. The shared serializer
/// settings read <see cref="AdditionalPropertiesIfCreated"/> when writing, so writing a model never creates an empty
/// dictionary just to find it empty.
/// </summary>
public interface ILazyAdditionalProperties
{
    /// <summary>The model's unknown fields, or <see langword="null"/> when none was ever read or set.</summary>
    IDictionary<string, object>? AdditionalPropertiesIfCreated { get; }
}
