using System.Runtime.CompilerServices;
using System.Text;

namespace Contracts.Core.Http;

/// <summary>
/// The route of one call: the contract's template, the escaped path values by placeholder name, and the query. The
/// route is written in one pass over the template when it is read, rather than searched through once per value
/// (an Ogangi call fills seven placeholders, and every call is built this way).
/// </summary>
/// <remarks>
/// A placeholder is replaced by the first value given for its name; one without a value stays as the template writes
/// it. Values are escaped before they get here, so none holds a brace and none can be read as another placeholder.
/// </remarks>
internal sealed class FilledRoute(string template)
{
    private readonly string _template = template;
    private (string Name, string Value)[] _values = [];
    private int _count;
    private string? _link;
    private StringBuilder? _query;

    /// <summary>True when the query holds an item (a link's own query counts).</summary>
    public bool HasQuery { get; private set; }

    /// <summary>Fills the placeholder <c>{<paramref name="name"/>}</c> with <paramref name="escaped"/>.</summary>
    public void Fill(string name, string escaped)
    {
        if (_count == _values.Length)
            Array.Resize(ref _values, Math.Max(4, _count * 2));
        _values[_count++] = (name, escaped);
    }

    /// <summary>Replaces template, values and query by <paramref name="absoluteUri"/>, a link that holds them all.</summary>
    public void FollowLink(string absoluteUri, bool hasQuery)
    {
        _link = absoluteUri;
        _query?.Clear();
        HasQuery = hasQuery;
    }

    /// <summary>Appends <c>name=value</c> (both escaped) to the query.</summary>
    public void AddQuery(string escapedName, string escapedValue)
    {
        (_query ??= new StringBuilder()).Append(HasQuery ? '&' : '?').Append(escapedName).Append('=').Append(escapedValue);
        HasQuery = true;
    }

    /// <summary>The route as sent: the link, or the template with its values, then the query.</summary>
    public override string ToString()
    {
        var query = _query is { Length: > 0 } ? _query.ToString() : "";
        if (_link is not null)
            return _link + query;
        // One pass over the template into a pooled buffer.
        var route = new DefaultInterpolatedStringHandler(0, 0);
        var rest = _template.AsSpan();
        while (true)
        {
            var open = rest.IndexOf('{');
            var close = open < 0 ? -1 : rest[open..].IndexOf('}');
            if (close < 0)
                break;
            route.AppendFormatted(rest[..open]);
            var placeholder = rest.Slice(open, close + 1);
            route.AppendFormatted(TryGetValue(placeholder[1..^1], out var value) ? value : placeholder);
            rest = rest[(open + close + 1)..];
        }
        route.AppendFormatted(rest);
        route.AppendFormatted(query);
        return route.ToStringAndClear();
    }

    private bool TryGetValue(ReadOnlySpan<char> name, out string value)
    {
        for (var i = 0; i < _count; i++)
        {
            if (name.SequenceEqual(_values[i].Name))
            {
                value = _values[i].Value;
                return true;
            }
        }
        value = "";
        return false;
    }
}
