using System.Xml;
using System.Xml.Linq;

namespace Contracts.Ogangi;

/// <summary>
/// An answer in Ogangi's XML envelope: <c>&lt;response&gt;</c> with <c>&lt;input&gt;</c> (the method name),
/// <c>&lt;status&gt;</c>, <c>&lt;description&gt;</c> and the method's <c>&lt;result&gt;</c>.
/// </summary>
internal sealed class OgangiAnswer
{
    private static readonly XmlReaderSettings Secure = new()
    {
        // No DTD, no external resources: an answer cannot make the client expand entities or fetch anything.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private OgangiAnswer(XElement root, string statusText)
    {
        Root = root;
        StatusText = statusText;
        Status = statusText switch
        {
            "OK" => OgangiStatus.Ok,
            "BAD_SIGNATURE" => OgangiStatus.BadSignature,
            "ERROR" => OgangiStatus.Error,
            _ => OgangiStatus.Other,
        };
    }

    public XElement Root { get; }

    public string StatusText { get; }

    public OgangiStatus Status { get; }

    public string? Input => Root.Element("input")?.Value;

    public string? Description => Root.Element("description")?.Value;

    /// <summary>The dynamic part; null when the answer has none.</summary>
    public XElement? Result => Root.Element("result");

    /// <summary>Reads a body; null and the reason when it is not an Ogangi answer.</summary>
    public static async Task<(OgangiAnswer? Answer, string NotAnAnswer)> ReadAsync(Stream body, string? contentType, CancellationToken cancellationToken)
    {
        // Answers are small: buffering tells an empty body apart and keeps the XML parsing synchronous.
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0)
            return (null, "an empty body");
        buffer.Position = 0;
        var start = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)Math.Min(buffer.Length, 64));
        using var reader = XmlReader.Create(buffer, Secure);
        return Parse(reader, start, contentType);
    }

    /// <summary>Reads a body already decoded as text (the generated client's error path).</summary>
    public static (OgangiAnswer? Answer, string NotAnAnswer) Read(string? body, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(body))
            return (null, "an empty body");
        using var text = new StringReader(body);
        using var reader = XmlReader.Create(text, Secure);
        return Parse(reader, body, contentType);
    }

    private static (OgangiAnswer?, string) Parse(XmlReader reader, string start, string? contentType)
    {
        // The body decides, not the Content-Type: a server may label its XML text/html.
        var html = contentType is null ? "an HTML page" : $"an HTML page ({contentType})";
        if (StartsLikeHtml(start))
            return (null, html);
        XDocument document;
        try
        {
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException malformed)
        {
            if (IsHtml(contentType))
                return (null, html);
            // Only the position: the parser's message may quote the body, which can echo the signed URL.
            var where = malformed.LineNumber > 0 ? $"line {malformed.LineNumber}, position {malformed.LinePosition}" : "a document type declaration, which is not processed";
            return (null, $"malformed XML ({where}{(contentType is null ? "" : ", " + contentType)})");
        }
        var root = document.Root!;
        if (root.Name != "response")
            return (null, root.Name.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase) || IsHtml(contentType) ? html : $"XML whose root is <{root.Name.LocalName}>");
        if (root.Element("status") is not { } status)
            return (null, "a <response> without <status>");
        return (new OgangiAnswer(root, status.Value.Trim()), "");
    }

    private static bool IsHtml(string? contentType) => contentType is not null && contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);

    private static bool StartsLikeHtml(string start)
    {
        var text = start.AsSpan().TrimStart().TrimStart('\uFEFF');
        return text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}
