using System.Collections;

namespace Contracts.Hostile.Tests.Infrastructure;

/// <summary>
/// A request's header fields as they arrived: in wire order with the client's spelling, looked up by name
/// case-insensitively, a name that appeared several times keeping every value. Tests about what leaves the client
/// (a secret in a second Authorization field, a header sent twice) need all of them, not a dictionary's last one.
/// </summary>
public sealed class HostileHeaders : IReadOnlyList<(string Name, string Value)>
{
    private readonly (string Name, string Value)[] _fields;

    public HostileHeaders(IEnumerable<(string Name, string Value)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = fields.ToArray();
    }

    /// <summary>How many fields arrived (a name sent twice counts twice).</summary>
    public int Count => _fields.Length;

    public (string Name, string Value) this[int index] => _fields[index];

    /// <summary>The field's values joined with ", " (how HTTP combines repeated fields), or null if it is absent.</summary>
    public string? this[string name]
    {
        get
        {
            var values = GetValues(name);
            return values.Count == 0 ? null : string.Join(", ", values);
        }
    }

    /// <summary>The distinct names, in the spelling and order of their first appearance.</summary>
    public IReadOnlyList<string> Names => _fields.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    public bool Contains(string name) => _fields.Any(f => IsNamed(f, name));

    /// <summary>Every value of the field, in arrival order; empty if it is absent.</summary>
    public IReadOnlyList<string> GetValues(string name) => _fields.Where(f => IsNamed(f, name)).Select(f => f.Value).ToArray();

    public IEnumerator<(string Name, string Value)> GetEnumerator() => ((IEnumerable<(string Name, string Value)>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join("\n", _fields.Select(f => $"{f.Name}: {f.Value}"));

    private static bool IsNamed((string Name, string Value) field, string name) => field.Name.Equals(name, StringComparison.OrdinalIgnoreCase);
}
