using System.Xml;
using System.Xml.Linq;

namespace Contracts.Core.Xml;

/// <summary>
/// Reads a vendor's XML answer safely: no DTD, no external resource, no entity expansion, so an answer cannot make
/// the client expand entities or fetch anything. What is not an XML document is named (an HTML page, malformed XML,
/// an empty body) without quoting the body, which may echo a signed URL.
/// </summary>
public static class XmlAnswer
{
    private static readonly XmlReaderSettings Secure = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The document's root element, or null and what the body is instead.</summary>
    /// <param name="body">The answer's body.</param>
    /// <param name="contentType">The answer's Content-Type, named in the reason and used to tell an HTML page.</param>
    public static (XElement? Root, string NotRead) Load(byte[] body, string? contentType)
    {
        var (root, notRead) = Read(body, contentType, rootName: null, static reader => XElement.Load(reader, LoadOptions.None));
        if (root is not null && root.Name.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase))
            return (null, Html(contentType));
        return (root, notRead);
    }

    /// <summary>
    /// Reads the document with <paramref name="readRoot"/>, which is handed the reader on the root element and reads
    /// that element: the result, or null and what the body is instead (another root than <paramref name="rootName"/>,
    /// when given). The whole document is read, so malformed XML after the part the caller reads is still refused.
    /// </summary>
    internal static (T? Value, string NotRead) Read<T>(byte[] body, string? contentType, string? rootName, Func<XmlReader, T?> readRoot)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        // Blank only when the whole body is: a server may write blank lines before its XML.
        var content = body.AsSpan().TrimStart(" \t\r\n"u8);
        if (content.IsEmpty)
            return (null, "an empty body");
        // The body decides, not the Content-Type: a server may label its XML text/html.
        if (StartsLikeHtml(content[..Math.Min(content.Length, 64)]))
            return (null, Html(contentType));
        try
        {
            // Read in place: the pipeline has already buffered the answer.
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, Secure);
            reader.MoveToContent();
            // The contract's root has no namespace: another vocabulary's <response> is not this answer.
            var isRoot = rootName is null || (reader.LocalName == rootName && reader.NamespaceURI.Length == 0);
            var notRead = isRoot ? ""
                : reader.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase) || IsHtml(contentType) ? Html(contentType)
                : $"XML whose root is <{reader.LocalName}>";
            var value = isRoot ? readRoot(reader) : null;
            while (reader.Read())
            {
                // The rest of the document must be well-formed too.
            }
            return (value, notRead);
        }
        catch (XmlException malformed)
        {
            if (IsHtml(contentType))
                return (null, Html(contentType));
            // Only the position: the parser's message may quote the body.
            var where = malformed.LineNumber > 0 ? $"line {malformed.LineNumber}, position {malformed.LinePosition}" : "a document type declaration, which is not processed";
            return (null, $"malformed XML ({where}{(contentType is null ? "" : ", " + contentType)})");
        }
    }

    /// <summary>What an HTML page is called in a reason.</summary>
    internal static string Html(string? contentType) => contentType is null ? "an HTML page" : $"an HTML page ({contentType})";

    /// <summary>Whether <paramref name="contentType"/> says HTML.</summary>
    public static bool IsHtml(string? contentType) => contentType is not null && contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Keeps an element the contract does not name in a model's additional properties: its text, or its XML when it
    /// has child elements, so nothing the vendor sends is dropped silently (a repeated one under <c>name#2</c>, ...).
    /// </summary>
    public static void Keep(IDictionary<string, object> additionalProperties, XElement element)
    {
        ArgumentNullException.ThrowIfNull(additionalProperties);
        ArgumentNullException.ThrowIfNull(element);
        // A repeated element keeps every occurrence: the first under its name, the next ones as name#2, name#3...
        var name = element.Name.LocalName;
        var key = name;
        for (var occurrence = 2; additionalProperties.ContainsKey(key); occurrence++)
            key = $"{name}#{occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        additionalProperties[key] = element.HasElements ? element.ToString(SaveOptions.DisableFormatting) : element.Value;
    }

    /// <summary>An integer element's value in invariant culture; null when it is not one.</summary>
    public static long? Int64(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return long.TryParse(element.Value.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static bool StartsLikeHtml(ReadOnlySpan<byte> start)
    {
        var text = start.TrimStart(" \t\r\n"u8);
        if (text.StartsWith("\uFEFF"u8))
            text = text[3..];
        return StartsWithIgnoringCase(text, "<!DOCTYPE html"u8) || StartsWithIgnoringCase(text, "<html"u8);
    }

    private static bool StartsWithIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix)
        => text.Length >= prefix.Length && System.Text.Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);
}

/// <summary>
/// An XML answer a contract describes (<c>x-xml-answer</c>): its root element's name and the reader generated from
/// the schema's <c>xml</c> annotations, which reads the document as it is parsed (<see cref="XmlAnswerReader"/>), with
/// no tree of it built first.
/// </summary>
/// <typeparam name="TResult">The model the answer is read into.</typeparam>
public sealed class XmlAnswer<TResult>
    where TResult : class
{
    private readonly Func<XmlReader, TResult> _read;

    /// <summary>Describes an answer whose root is <c>&lt;<paramref name="rootName"/>&gt;</c>, read by <paramref name="read"/>.</summary>
    /// <param name="rootName">The root element's name (no namespace).</param>
    /// <param name="read">Reads the model from a reader positioned on the root element, and reads past its end.</param>
    public XmlAnswer(string rootName, Func<XmlReader, TResult> read)
    {
        RootName = rootName ?? throw new ArgumentNullException(nameof(rootName));
        _read = read ?? throw new ArgumentNullException(nameof(read));
    }

    /// <summary>The root element's name.</summary>
    public string RootName { get; }

    /// <summary>Reads <paramref name="body"/>: the model, or null and what the body is instead.</summary>
    public (TResult? Value, string NotRead) Read(byte[] body, string? contentType)
        => XmlAnswer.Read(body, contentType, RootName, _read);

    /// <summary>Reads <paramref name="element"/>, already parsed, as the model.</summary>
    public TResult ReadElement(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var reader = element.CreateReader();
        reader.MoveToContent();
        return _read(reader);
    }
}
