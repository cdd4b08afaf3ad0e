using System.Text;

namespace Contracts.Ogangi;

/// <summary>
/// Narrows getMOMessages: each list matches any of its values, lists combine with AND. Becomes Ogangi's inline search
/// string (<c>from=13056708084&amp;order=desc&amp;to=19893143924&amp;keyword=^OGANGI.*&amp;carrier=movistar</c>).
/// </summary>
/// <remarks>
/// The search string separates filters with <c>&amp;</c>, names from values with <c>=</c> and values with <c>,</c>, and
/// has no escape: a value holding one of them is refused before sending rather than sent with another meaning.
/// </remarks>
public sealed class OgangiMoFilter
{
    /// <summary>Senders to keep (the <c>from</c> filter).</summary>
    public IReadOnlyList<string>? From { get; init; }

    /// <summary>Recipients to keep (the <c>to</c> filter).</summary>
    public IReadOnlyList<string>? To { get; init; }

    /// <summary>Keyword patterns, Java regular expressions such as <c>^OGANGI.*</c> (the <c>keyword</c> filter).</summary>
    public IReadOnlyList<string>? Keywords { get; init; }

    /// <summary>Carrier names to keep (the <c>carrier</c> filter).</summary>
    public IReadOnlyList<string>? Carriers { get; init; }

    /// <summary>Sort order; Ogangi's default when null.</summary>
    public OgangiSortOrder? Order { get; init; }

    /// <summary>True when no filter is set: the search string is then the literal <c>null</c>.</summary>
    public bool IsEmpty => Order is null && Filters().All(f => f.Values is null or { Count: 0 });

    /// <summary>Every problem with the values, each naming its filter and never quoting a value (a phone number, part of a message).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Order is { } order && !Enum.IsDefined(order))
            problems.Add($"filter.Order must be {OgangiSortOrder.Ascending} or {OgangiSortOrder.Descending}.");
        foreach (var (name, _, values) in Filters())
        {
            for (var i = 0; i < (values?.Count ?? 0); i++)
            {
                var value = values![i];
                if (string.IsNullOrWhiteSpace(value))
                    problems.Add($"filter.{name}[{i}] is empty.");
                else if (value.AsSpan().IndexOfAny("&,=") >= 0)
                    problems.Add($"filter.{name}[{i}] holds '&', ',' or '=', which Ogangi's search string uses as separators and cannot escape (the value is not shown: senders and recipients are phone numbers).");
            }
        }
        return problems;
    }

    /// <summary>The search string, before percent-encoding (what is signed); <c>null</c> when no filter is set.</summary>
    public string ToSearchString()
    {
        if (IsEmpty)
            return OgangiLimits.AbsentValue;
        var text = new StringBuilder();
        // The vendor's example order: from, order, to, keyword, carrier.
        Append(text, "from", From);
        if (Order is { } order)
            Append(text, "order", [OgangiSortOrderValues.Of(order)]);
        Append(text, "to", To);
        Append(text, "keyword", Keywords);
        Append(text, "carrier", Carriers);
        return text.ToString();
    }

    private IEnumerable<(string Name, string Key, IReadOnlyList<string>? Values)> Filters()
    {
        yield return (nameof(From), "from", From);
        yield return (nameof(To), "to", To);
        yield return (nameof(Keywords), "keyword", Keywords);
        yield return (nameof(Carriers), "carrier", Carriers);
    }

    private static void Append(StringBuilder text, string key, IReadOnlyList<string>? values)
    {
        if (values is null or { Count: 0 })
            return;
        if (text.Length > 0)
            text.Append('&');
        text.Append(key).Append('=').AppendJoin(',', values);
    }
}
