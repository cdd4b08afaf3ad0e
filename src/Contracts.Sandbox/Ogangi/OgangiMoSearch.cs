using System.Text.RegularExpressions;

namespace Contracts.Sandbox.Ogangi;

/// <summary>
/// The MO inline search string of getMOMessages (<c>from=13056708084&amp;order=desc&amp;to=19893143924&amp;keyword=^OGANGI.*&amp;carrier=movistar</c>),
/// parsed and applied: filters separated by <c>&amp;</c>, each one value or several separated by <c>,</c> (any of them
/// matches), filters combined with AND; the literal <c>null</c> for none.
/// </summary>
/// <remarks>
/// Where the vendor is silent, the sandbox's reading, chosen so that Ogangi's own example means what it shows:
/// filter names are case-insensitive (Ogangi's description of the MO search string writes them CARRIER, TO, ...; its
/// example lowercase); <c>carrier</c>
/// compares case-insensitively (the example asks for <c>movistar</c>, the sample answers <c>Movistar</c>); <c>from</c>
/// and <c>to</c> compare exactly; <c>keyword</c> is a regular expression found anywhere in the MO's keyword (as a
/// database <c>REGEXP</c> does; <c>^</c> anchors it); without <c>order</c> the oldest come first. A search string the
/// vendor's syntax does not allow (an unknown filter, a part without <c>=</c>, an empty value, an order other than
/// asc/desc, a pattern that does not compile) is refused: the caller answers Ogangi's ERROR, the only status the
/// contract documents for a call that cannot be executed.
/// </remarks>
internal sealed class OgangiMoSearch
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private readonly List<string> _from = [];
    private readonly List<string> _to = [];
    private readonly List<string> _carriers = [];
    private readonly List<Regex> _keywords = [];
    private bool _descending;

    private OgangiMoSearch()
    {
    }

    /// <summary>Parses <paramref name="text"/> (decoded); null when the vendor's syntax does not allow it.</summary>
    public static OgangiMoSearch? Parse(string text)
    {
        var search = new OgangiMoSearch();
        if (text == "null")
            return search;
        foreach (var part in text.Split('&'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                return null;
            var values = part[(equals + 1)..].Split(',');
            if (values.Any(v => v.Length == 0))
                return null;
            if (!search.Add(part[..equals].ToUpperInvariant(), values))
                return null;
        }
        return search;
    }

    /// <summary>The messages that match, in the requested order.</summary>
    /// <exception cref="RegexMatchTimeoutException">A keyword pattern took too long on some message.</exception>
    public IEnumerable<OgangiMoMessage> Apply(IEnumerable<OgangiMoMessage> messages)
    {
        var matching = messages.Where(Matches);
        return _descending ? matching.OrderByDescending(m => m.SendDate) : matching.OrderBy(m => m.SendDate);
    }

    private bool Add(string name, string[] values)
    {
        switch (name)
        {
            case "FROM":
                _from.AddRange(values);
                return true;
            case "TO":
                _to.AddRange(values);
                return true;
            case "CARRIER":
                _carriers.AddRange(values);
                return true;
            case "KEYWORD":
                foreach (var pattern in values)
                {
                    try
                    {
                        _keywords.Add(new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout));
                    }
                    catch (ArgumentException)
                    {
                        return false;
                    }
                }
                return true;
            case "ORDER" when values.Length == 1 && values[0].ToUpperInvariant() is "ASC" or "DESC":
                _descending = values[0].Equals("desc", StringComparison.OrdinalIgnoreCase);
                return true;
            default:
                return false;
        }
    }

    private bool Matches(OgangiMoMessage message)
        => (_from.Count == 0 || _from.Contains(message.From, StringComparer.Ordinal))
           && (_to.Count == 0 || _to.Contains(message.To, StringComparer.Ordinal))
           && (_carriers.Count == 0 || _carriers.Contains(message.Carrier, StringComparer.OrdinalIgnoreCase))
           && (_keywords.Count == 0 || _keywords.Any(k => k.IsMatch(message.Keyword)));
}
