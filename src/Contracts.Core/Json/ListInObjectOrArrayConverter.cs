using System.Text.Json;
using System.Text.Json.Serialization;

namespace Contracts.Core.Json;

/// <summary>
/// Reads a body that carries a list in either of two forms, an object holding the list under one property
/// (<c>{"errors":[...]}</c>) or the bare array (<c>[...]</c>), as vendors document error bodies in prose and example
/// differently. Items that are not objects are skipped, since a failed answer's body is read to explain it, not to
/// check it. Written in the object form. A vendor derives it with its property name and how it reads one item.
/// </summary>
/// <typeparam name="TBody">The body type: the object holding the list.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
public abstract class ListInObjectOrArrayConverter<TBody, TItem> : JsonConverter<TBody>
    where TBody : class
{
    private readonly string _property;
    private readonly string _bodyName;

    /// <summary>Creates the converter for lists under <paramref name="property"/>, named <paramref name="bodyName"/> in errors.</summary>
    protected ListInObjectOrArrayConverter(string property, string bodyName)
        => (_property, _bodyName) = (property, bodyName);

    /// <summary>The items in <paramref name="body"/>; empty when it is empty, not JSON or neither form.</summary>
    public IReadOnlyList<TItem> ItemsIn(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return [];
        try
        {
            using var document = JsonDocument.Parse(body);
            return ItemsIn(document.RootElement);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <inheritdoc />
    public override TBody? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var body = document.RootElement;
        if (body.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            throw new JsonException($"Cannot read a {body.ValueKind} as {_bodyName}.");
        if (body.ValueKind == JsonValueKind.Object && !body.TryGetProperty(_property, out _))
            throw new JsonException($"{_bodyName} has no {_property}.");
        return Create([.. ItemsIn(body)]);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TBody value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName(_property);
        // Through the options' metadata (the client's source-generated context), not reflection: trimming keeps it.
        JsonSerializer.Serialize(writer, ItemsOf(value), TypeInfoOf.For<IList<TItem>>(options));
        writer.WriteEndObject();
    }

    /// <summary>The text of <paramref name="item"/>'s property <paramref name="name"/>: a string as is, another value as its JSON, null when absent or null.</summary>
    protected static string? TextOf(JsonElement item, string name)
        => item.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;

    /// <summary>The body holding <paramref name="items"/>.</summary>
    protected abstract TBody Create(List<TItem> items);

    /// <summary>The list <paramref name="body"/> holds, to write.</summary>
    protected abstract IList<TItem> ItemsOf(TBody body);

    /// <summary>One item, read from a JSON object.</summary>
    protected abstract TItem ReadItem(JsonElement item);

    private List<TItem> ItemsIn(JsonElement body)
    {
        var list = body;
        if (body.ValueKind == JsonValueKind.Object && !body.TryGetProperty(_property, out list))
            return [];
        if (list.ValueKind != JsonValueKind.Array)
            return [];
        var items = new List<TItem>(list.GetArrayLength());
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
                items.Add(ReadItem(item));
        }
        return items;
    }
}
