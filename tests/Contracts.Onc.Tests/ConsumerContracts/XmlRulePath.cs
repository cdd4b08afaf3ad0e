using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Contracts.Onc.Tests.ConsumerContracts;

/// <summary>
/// Reads the namespace-aware paths of XML matching rules in a Pact file (<c>$['uri:Envelope']['uri:Body']...['#text']</c>,
/// <c>['@uri:name']</c> for attributes) and finds what they address in an example body.
/// </summary>
internal static partial class XmlRulePath
{
    /// <summary>The values at <paramref name="path"/>: element texts, attribute values, or the text of every element addressed.</summary>
    /// <exception cref="FormatException">The path is not a Pact XML path.</exception>
    public static IReadOnlyList<string> Select(XDocument document, string path)
    {
        var segments = Segment().Matches(path).Select(m => m.Groups["name"].Value).ToList();
        if (!path.StartsWith('$') || segments.Count == 0 || string.Concat(segments.Select(s => $"['{s}']")) != path[1..])
            throw new FormatException($"Not a Pact XML path: {path}");

        IEnumerable<XElement> elements = document.Root is { } root && root.Name == NameOf(segments[0]) ? [root] : [];
        foreach (var segment in segments.Skip(1))
        {
            if (segment == "#text")
                return elements.Select(e => string.Concat(e.Nodes().OfType<XText>().Select(t => t.Value))).ToList();
            if (segment.StartsWith('@'))
                return elements.Select(e => e.Attribute(NameOf(segment[1..]))).OfType<XAttribute>().Select(a => a.Value).ToList();
            elements = elements.Elements(NameOf(segment)).ToList();
        }
        return elements.Select(e => e.Value).ToList();
    }

    /// <summary>"uri:local" (the URI itself holds colons: the local name follows the last one), or a local name without namespace.</summary>
    private static XName NameOf(string segment)
    {
        var colon = segment.LastIndexOf(':');
        return colon < 0 ? XName.Get(segment) : XName.Get(segment[(colon + 1)..], segment[..colon]);
    }

    [GeneratedRegex(@"\['(?<name>[^']*)'\]")]
    private static partial Regex Segment();
}
