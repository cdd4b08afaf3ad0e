using System.Text;
using System.Xml;
using System.Xml.Schema;

namespace Contracts.WsdlGenerator;

/// <summary>Reads xs:documentation and the xs:appinfo entries the generator understands.</summary>
internal static class SchemaDocs
{
    /// <summary>The documentation text of <paramref name="item"/>, whitespace collapsed; null when there is none.</summary>
    public static string? Of(XmlSchemaAnnotated? item)
    {
        var text = new StringBuilder();
        foreach (var documentation in item?.Annotation?.Items.OfType<XmlSchemaDocumentation>() ?? [])
        {
            foreach (var node in documentation.Markup ?? [])
                text.Append(' ').Append(node?.InnerText);
        }
        return Normalize(text.ToString());
    }

    /// <summary>The text of the first appinfo child named <paramref name="localName"/> in <paramref name="ns"/>.</summary>
    public static string? AppInfo(XmlSchemaAnnotated item, string ns, string localName)
    {
        foreach (var appInfo in item.Annotation?.Items.OfType<XmlSchemaAppInfo>() ?? [])
        {
            foreach (var node in appInfo.Markup ?? [])
            {
                if (node is XmlElement element && element.LocalName == localName && element.NamespaceURI == ns)
                    return element.InnerText.Trim();
            }
        }
        return null;
    }

    /// <summary>Collapses whitespace runs to one space; null for empty text.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
