using System.Xml.Linq;

namespace Contracts.Pacts.Matchers;

/// <summary>
/// The path of a matching rule inside an XML body, namespace-aware: each element is named by its namespace URI and
/// local name (<c>$['http://schemas.xmlsoap.org/soap/envelope/:Envelope']['...:Body']</c>), the form the engine
/// compares against, whatever prefixes either side writes. Prefixed elements cannot carry inline matchers, so XML
/// rules go through <c>WithBodyMatchingRule(XmlPath, MatchingRule)</c> on the request or response.
/// </summary>
/// <example>
/// <code>
/// XNamespace soap = "http://schemas.xmlsoap.org/soap/envelope/";
/// XNamespace tns = "http://tempuri.org/";
/// var sessionId = XmlPath.Root(soap + "Envelope").Element(soap + "Body").Element(tns + "OpenSessionResponse").Element(tns + "SessionId").Text();
/// // $['http://schemas.xmlsoap.org/soap/envelope/:Envelope']['http://schemas.xmlsoap.org/soap/envelope/:Body']['http://tempuri.org/:OpenSessionResponse']['http://tempuri.org/:SessionId']['#text']
/// </code>
/// </example>
public sealed class XmlPath
{
    private readonly string _path;
    private readonly bool _isLeaf;

    private XmlPath(string path, bool isLeaf)
    {
        _path = path;
        _isLeaf = isLeaf;
    }

    /// <summary>The document element.</summary>
    public static XmlPath Root(XName name) => new("$" + Segment(NameOf(name)), isLeaf: false);

    /// <summary>A child element of this element (every child of that name).</summary>
    public XmlPath Element(XName name) => Extend(NameOf(name), isLeaf: false);

    /// <summary>An attribute of this element. Unprefixed attributes have no namespace: pass the local name.</summary>
    public XmlPath Attribute(XName name) => Extend("@" + NameOf(name), isLeaf: true);

    /// <summary>The text content of this element.</summary>
    public XmlPath Text() => Extend("#text", isLeaf: true);

    /// <summary>The path as the Pact file writes it.</summary>
    public override string ToString() => _path;

    private XmlPath Extend(string segment, bool isLeaf)
        => _isLeaf
            ? throw new InvalidOperationException($"{_path} ends at an attribute or text; it has no children.")
            : new XmlPath(_path + Segment(segment), isLeaf);

    private static string NameOf(XName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Namespace == XNamespace.None ? name.LocalName : $"{name.NamespaceName}:{name.LocalName}";
    }

    private static string Segment(string name)
        => name.Contains('\'', StringComparison.Ordinal)
            ? throw new ArgumentException($"A quote in '{name}' cannot be written in a Pact path.", nameof(name))
            : $"['{name}']";
}
