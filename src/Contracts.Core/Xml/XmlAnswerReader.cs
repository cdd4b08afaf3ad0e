using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Contracts.Core.Xml;

/// <summary>
/// The steps the generated XML readers (<see cref="XmlAnswer{TResult}"/>) take over an <see cref="XmlReader"/>, so that
/// an answer is read while it is parsed instead of being built into a tree first. Each step that reads an element
/// leaves the reader on the node after its end, which is what lets a reader walk its element's children in one loop.
/// </summary>
/// <remarks>
/// Values read as LINQ to XML would read them: an element's text is all the text inside it, whitespace included
/// (an MO message of spaces stays spaces); child elements in a namespace are matched by their local name.
/// </remarks>
public static class XmlAnswerReader
{
    /// <summary>
    /// Moves to the next child element of the element at <paramref name="parentDepth"/>, stepping into the element on
    /// the first call and over text between children; false once past the element's end.
    /// </summary>
    /// <param name="reader">The reader, on the element (first call) or after the child read last.</param>
    /// <param name="parentDepth">The element's <see cref="XmlReader.Depth"/>, taken when the reader was on it.</param>
    public static bool NextChild(XmlReader reader, int parentDepth)
    {
        ArgumentNullException.ThrowIfNull(reader);
        // On the element itself (no child element can be at its depth before its end has been read past).
        if (reader.NodeType == XmlNodeType.Element && reader.Depth == parentDepth)
        {
            var empty = reader.IsEmptyElement;
            reader.Read();
            if (empty)
                return false;
        }
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement when reader.Depth == parentDepth:
                    reader.Read();
                    return false;
                case XmlNodeType.None:
                    return false;
                default:
                    reader.Read();
                    break;
            }
        }
    }

    /// <summary>The element's text (all text inside it, as <see cref="XElement.Value"/>), reading past its end.</summary>
    public static string Text(XmlReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }
        var depth = reader.Depth;
        string? first = null;
        StringBuilder? more = null;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                if (first is null)
                    first = reader.Value;
                else
                    (more ??= new StringBuilder(first)).Append(reader.Value);
            }
        }
        reader.Read();
        return more?.ToString() ?? first ?? "";
    }

    /// <summary>An integer element's value in invariant culture, reading past its end; null when it is not one.</summary>
    public static long? Int64(XmlReader reader)
        => long.TryParse(Text(reader).AsSpan().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// Reads the items of a wrapped list: each child element named <paramref name="itemName"/> (no namespace) read by
    /// <paramref name="read"/> into <paramref name="items"/>; other children are passed over.
    /// </summary>
    public static void Items<T>(XmlReader reader, string itemName, ICollection<T> items, Func<XmlReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(read);
        var depth = reader.Depth;
        while (NextChild(reader, depth))
        {
            if (reader.LocalName == itemName && reader.NamespaceURI.Length == 0)
                items.Add(read(reader));
            else
                reader.Skip();
        }
    }

    /// <summary>
    /// Keeps an element the contract does not name in a model's additional properties, as
    /// <see cref="XmlAnswer.Keep"/> does, reading past its end.
    /// </summary>
    public static void Keep(IDictionary<string, object> additionalProperties, XmlReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        XmlAnswer.Keep(additionalProperties, (XElement)XNode.ReadFrom(reader));
    }
}
