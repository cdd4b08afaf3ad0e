using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Contracts.WsdlGenerator;

/// <summary>
/// Turns a node of the WSDL or of one of its schemas into "file(line,col)" for error messages, with the file shown as
/// the build knows it (repository-relative) rather than as an absolute URI.
/// </summary>
internal sealed class SourceLocator
{
    private readonly string _wsdlPath;
    private readonly string _wsdlDisplayPath;
    private readonly Uri _wsdlUri;

    public SourceLocator(string wsdlPath, string wsdlDisplayPath)
    {
        _wsdlPath = Path.GetFullPath(wsdlPath);
        _wsdlDisplayPath = wsdlDisplayPath;
        _wsdlUri = new Uri(_wsdlPath);
    }

    public string WsdlDisplayPath => _wsdlDisplayPath;

    public WsdlGenerationException Error(XObject? node, string problem)
    {
        var info = node as IXmlLineInfo;
        return new WsdlGenerationException(_wsdlDisplayPath, info?.LineNumber ?? 0, info?.LinePosition ?? 0, problem);
    }

    public WsdlGenerationException Error(XmlSchemaObject? node, string problem)
        => new(DisplayPathOf(node?.SourceUri), node?.LineNumber ?? 0, node?.LinePosition ?? 0, problem);

    public WsdlGenerationException Error(XmlSchemaException exception, string problem)
        => new(DisplayPathOf(exception.SourceUri), exception.LineNumber, exception.LinePosition, problem);

    /// <summary>The display form of a schema's source: the WSDL itself, or an imported file relative to the WSDL's folder.</summary>
    public string DisplayPathOf(string? sourceUri)
    {
        if (string.IsNullOrEmpty(sourceUri) || !Uri.TryCreate(sourceUri, UriKind.Absolute, out var uri) || uri == _wsdlUri)
            return _wsdlDisplayPath;
        if (!uri.IsFile)
            return sourceUri;
        var relative = Path.GetRelativePath(Path.GetDirectoryName(_wsdlPath)!, uri.LocalPath).Replace('\\', '/');
        var displayFolder = Path.GetDirectoryName(_wsdlDisplayPath)?.Replace('\\', '/');
        return string.IsNullOrEmpty(displayFolder) ? relative : $"{displayFolder}/{relative}";
    }
}
