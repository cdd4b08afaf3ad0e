using System.Text.Json.Nodes;

namespace Contracts.Sandbox.Accengage;

/// <summary>
/// The resources of one kind in one app (campaigns, messages, alarms, ...), by ascending ID, as JSON objects that
/// keep every field they were given. New resources get the next ID after the highest, so IDs are deterministic.
/// Not thread-safe: the simulator serialises access.
/// </summary>
internal sealed class ResourceStore(string idProperty = "id")
{
    private readonly SortedDictionary<long, JsonObject> _items = [];

    /// <summary>The property that holds the ID (<c>id</c>, or <c>listId</c> for static lists).</summary>
    public string IdProperty { get; } = idProperty;

    public IEnumerable<JsonObject> All => _items.Values;

    /// <summary>Replaces the content with copies of <paramref name="items"/>.</summary>
    public void Load(IEnumerable<JsonObject> items)
    {
        _items.Clear();
        foreach (var item in items)
            Add(item.DeepClone().AsObject());
    }

    /// <summary>Stores <paramref name="item"/> under its own ID when it has one, else under a new one, and returns the ID.</summary>
    public long Add(JsonObject item)
    {
        var id = AccengageJson.Long(item, IdProperty) ?? NextId();
        item[IdProperty] = id;
        _items[id] = item;
        return id;
    }

    public bool Contains(long id) => _items.ContainsKey(id);

    public JsonObject? Find(long id) => _items.GetValueOrDefault(id);

    public JsonObject? FindByExternalId(string externalId)
        => _items.Values.FirstOrDefault(item => AccengageJson.Text(item, "externalId") == externalId);

    public bool Remove(long id) => _items.Remove(id);

    private long NextId() => _items.Count == 0 ? 1 : _items.Keys.Max() + 1;
}
