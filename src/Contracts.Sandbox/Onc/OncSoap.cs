using System.Xml.Linq;

namespace Contracts.Sandbox.Onc;

/// <summary>
/// The SOAP 1.1 envelope as a WCF basicHttpBinding service writes it: the namespaces of contracts/onc/onc.wsdl, the
/// prefixes WCF uses (s, a, i), no XML declaration, and faults with WCF's fault codes.
/// </summary>
internal static class OncSoap
{
    public static readonly XNamespace Envelope = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Soap12Envelope = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Service = "http://tempuri.org/";
    public static readonly XNamespace DataContracts = "http://schemas.datacontract.org/2004/07/ONC";
    public static readonly XNamespace Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
    public static readonly XNamespace Instance = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The SOAP actions are this prefix plus the operation name (quoted in the SOAPAction header).</summary>
    public const string ActionPrefix = "http://tempuri.org/IOutboundNotificationsCampaignsService/";

    /// <summary>The only content type basicHttpBinding answers and accepts.</summary>
    public const string ContentType = "text/xml; charset=utf-8";

    // WCF's fault-code namespaces: addressing (no action matched) and the dispatcher (the body could not be read).
    private static readonly XNamespace AddressingNone = "http://schemas.microsoft.com/ws/2005/05/addressing/none";
    private static readonly XNamespace Dispatcher = "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher";

    /// <summary>xsi:nil="true", for a null reference member or result.</summary>
    public static XAttribute Nil => new(Instance + "nil", "true");

    /// <summary>The text of a whole envelope around <paramref name="content"/>.</summary>
    public static string Wrap(XElement content)
        => new XElement(Envelope + "Envelope", new XAttribute(XNamespace.Xmlns + "s", Envelope.NamespaceName), new XElement(Envelope + "Body", content))
            .ToString(SaveOptions.DisableFormatting);

    /// <summary>The fault WCF sends when no operation has the request's SOAPAction.</summary>
    public static XElement ActionNotSupported(string action)
        => Fault(AddressingNone + "ActionNotSupported",
            $"The message with Action '{action}' cannot be processed at the receiver, due to a ContractFilter mismatch at the EndpointDispatcher. "
            + "This may be because of either a contract mismatch (mismatched Actions between sender and receiver) or a binding/security mismatch "
            + "between the sender and the receiver.  Check that sender and receiver have the same contract and the same binding (including "
            + "security requirements, e.g. Message, Transport, None).");

    /// <summary>The fault WCF sends when the operation's body cannot be deserialized.</summary>
    public static XElement DeserializationFailed(string operation, string problem)
        => Fault(Dispatcher + "DeserializationFailed",
            $"The formatter threw an exception while trying to deserialize the message: Error in deserializing body of request message for operation '{operation}'. {problem}");

    /// <summary>The fault for a request that is not a SOAP 1.1 envelope at all.</summary>
    public static XElement MalformedMessage(string problem) => Fault(Envelope + "Client", $"The message could not be read: {problem}");

    /// <summary>The fault for a SOAP 1.2 envelope sent to this SOAP 1.1 endpoint.</summary>
    public static XElement VersionMismatch()
        => Fault(Envelope + "VersionMismatch", "The envelope version of the incoming message (Soap12) does not match that of the encoder (Soap11). Make sure the binding is configured with the same version as the expected messages.");

    private static XElement Fault(XName code, string reason)
    {
        var faultCode = new XElement("faultcode");
        if (code.Namespace == Envelope)
        {
            faultCode.Value = "s:" + code.LocalName;
        }
        else
        {
            faultCode.Add(new XAttribute(XNamespace.Xmlns + "a", code.NamespaceName));
            faultCode.Value = "a:" + code.LocalName;
        }
        return new XElement(Envelope + "Fault", faultCode, new XElement("faultstring", new XAttribute(XNamespace.Xml + "lang", "en-US"), reason));
    }
}
