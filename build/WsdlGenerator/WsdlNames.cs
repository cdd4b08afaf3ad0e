using System.Xml.Linq;

namespace Contracts.WsdlGenerator;

/// <summary>The XML namespaces of WSDL 1.1, its SOAP bindings, XML Schema, WS-Addressing and WCF's serialization schema.</summary>
internal static class WsdlNames
{
    public static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    public static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/wsdl/soap/";
    public static readonly XNamespace Soap12 = "http://schemas.xmlsoap.org/wsdl/soap12/";
    public static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";
    public static readonly XNamespace Mime = "http://schemas.xmlsoap.org/wsdl/mime/";

    /// <summary>WS-Addressing metadata (wsaw:Action); WCF publishes both forms.</summary>
    public static readonly XNamespace[] AddressingNamespaces =
    [
        "http://www.w3.org/2006/05/addressing/wsdl",
        "http://www.w3.org/2007/05/addressing/metadata",
    ];

    /// <summary>WCF's serialization schema (ser:guid, ser:duration, ser:char, EnumerationValue).</summary>
    public const string Serialization = "http://schemas.microsoft.com/2003/10/Serialization/";

    /// <summary>
    /// This generator's own schema annotations. Integer enumerations name their C# members with
    /// &lt;xs:appinfo&gt;&lt;g:EnumMemberName xmlns:g="urn:contracts-sdk:wsdl-generator"&gt;Pending&lt;/g:EnumMemberName&gt;&lt;/xs:appinfo&gt;,
    /// because their values (0, 1, ...) are not names.
    /// </summary>
    public const string Generator = "urn:contracts-sdk:wsdl-generator";

    /// <summary>
    /// This repository's extensions to the contract itself: facts about an operation that WSDL has no word for and
    /// that every reader of the contract should know, not only this generator. So far one:
    /// <c>sdk:idempotent="true"</c> on a port type's wsdl:operation (xmlns:sdk="urn:contracts-sdk:extensions"), the
    /// WSDL counterpart of the OpenAPI contracts' <c>x-idempotent</c>.
    /// </summary>
    public const string Extensions = "urn:contracts-sdk:extensions";

    public const string SoapHttpTransport = "http://schemas.xmlsoap.org/soap/http";
}
