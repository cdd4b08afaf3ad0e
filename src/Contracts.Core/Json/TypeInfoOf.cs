using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Core.Json;

/// <summary>
/// The options' metadata for a type, from whatever resolver they carry (a source-generated context in a trimmed or
/// Native AOT app): the converters of this folder read and write nested values through it rather than through the
/// reflection-based <see cref="JsonSerializer"/> overloads, so that they work, and raise no warning, under trimming.
/// </summary>
internal static class TypeInfoOf
{
    public static JsonTypeInfo<T> For<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
