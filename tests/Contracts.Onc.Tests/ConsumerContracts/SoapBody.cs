using System.Text;
using System.Xml;
using System.Xml.Linq;
using Contracts.Pacts;
using Contracts.Pacts.Matchers;
using static Contracts.Onc.Tests.OncContract;

namespace Contracts.Onc.Tests.ConsumerContracts;

/// <summary>
/// Raw SOAP 1.1 bodies for Pact interactions, written as XML trees whose elements carry the shape of their value.
/// An element made with <see cref="Shaped"/> or <see cref="Repeated"/> becomes a matching rule at its namespace-aware
/// path (rules cannot sit inside prefixed XML), so the example and its rule are written in one place and the path
/// cannot drift from the element it describes.
/// </summary>
internal static class SoapBody
{
    /// <summary>What WCF's basicHttpBinding sends and expects: SOAP 1.1 content type, exactly as it writes it.</summary>
    public const string ContentType = "text/xml; charset=utf-8";

    // Fixed layout, so the Pact file is byte-identical on every platform (XElement.ToString uses the platform's newline).
    private static readonly XmlWriterSettings Layout = new()
    {
        OmitXmlDeclaration = true,
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    /// <summary>An element whose text is compared by <paramref name="rule"/>; <paramref name="example"/> is what the Pact file shows and the mock sends.</summary>
    public static XElement Shaped(XName name, MatchingRule rule, string example)
    {
        var element = new XElement(name, example);
        element.AddAnnotation(new Shape(rule, OfText: true));
        return element;
    }

    /// <summary>An item of a list: the list holds at least <paramref name="min"/> elements of this name, each shaped like this one.</summary>
    public static XElement Repeated(XElement item, int min)
    {
        item.AddAnnotation(new Shape(MatchingRule.MinType(min), OfText: false));
        return item;
    }

    /// <summary>The SOAP envelope around <paramref name="payload"/> (the operation's wrapper element), as the Pact file stores it.</summary>
    public static string Envelope(XElement payload)
    {
        // A copy of the payload goes in, so the caller's tree keeps no parent (and its annotations).
        var envelope = new XElement(Soap + "Envelope", new XAttribute(XNamespace.Xmlns + "s", Soap.NamespaceName), new XElement(Soap + "Body", new XElement(payload)));
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, Layout))
            envelope.WriteTo(writer);
        return text.ToString();
    }

    /// <summary>Every rule the shaped elements of <paramref name="payload"/> carry, at its path inside the envelope, in document order.</summary>
    public static IReadOnlyList<(XmlPath Path, MatchingRule Rule)> RulesOf(XElement payload)
    {
        var rules = new List<(XmlPath Path, MatchingRule Rule)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in payload.DescendantsAndSelf())
        {
            foreach (var shape in element.Annotations<Shape>())
            {
                var path = shape.OfText ? PathOf(element, payload).Text() : PathOf(element, payload);
                // A path names every element of that name under the same parents: repeated items share one rule.
                if (seen.Add(path.ToString()))
                    rules.Add((path, shape.Rule));
            }
        }
        return rules;
    }

    /// <summary>The body of a request or response: the enveloped XML, SOAP's content type, and the rules of its shaped elements.</summary>
    public static TPart WithSoapBody<TPart>(this TPart part, XElement payload)
        where TPart : InteractionPartBuilder<TPart>
    {
        ArgumentNullException.ThrowIfNull(part);
        part.WithHeader("Content-Type", ContentType).WithBody(Envelope(payload), ContentType);
        foreach (var (path, rule) in RulesOf(payload))
            part.WithBodyMatchingRule(path, rule);
        return part;
    }

    /// <summary>The path of <paramref name="element"/> inside the envelope that <see cref="Envelope"/> puts around <paramref name="payload"/>.</summary>
    private static XmlPath PathOf(XElement element, XElement payload)
        => element == payload
            ? XmlPath.Root(Soap + "Envelope").Element(Soap + "Body").Element(payload.Name)
            : PathOf(element.Parent!, payload).Element(element.Name);

    /// <summary>The rule of a shaped element: on its text, or (for list items) on the element itself.</summary>
    private sealed record Shape(MatchingRule Rule, bool OfText);
}
