using System.Runtime.Serialization;
using System.ServiceModel;
using System.Text;
using System.Xml;

namespace Contracts.Onc.Http;

/// <summary>
/// WCF's exception for an answer it could not take (a SOAP fault, an answer that is not SOAP) quotes the answer, and
/// an answer may echo the request's personal values: such an exception is replaced by one of the same type whose
/// texts show them masked (<see cref="OncCallContext.Masked"/>), so neither OncException's message nor its inner
/// exception (ToString, logs, traces) carries them. The replacement keeps what the client reads of it: a fault's
/// code and action, the type (a fault stays a FaultException: the session check and the delivery verdict go by it),
/// and a service's exception detail, masked too (<see cref="Masked(ExceptionDetail, OncCallContext)"/>).
/// </summary>
internal static class OncPersonalMasking
{
    /// <summary><paramref name="failure"/>, or a masked copy of it when its texts hold a personal value of <paramref name="context"/>'s request.</summary>
    public static Exception Masked(Exception failure, OncCallContext context)
    {
        var inner = failure.InnerException is { } cause ? Masked(cause, context) : null;
        var message = context.Masked(failure.Message);
        // A service's exception detail may quote the request where the fault's reason does not: it is always copied.
        if (ReferenceEquals(message, failure.Message) && ReferenceEquals(inner, failure.InnerException) && failure is not FaultException<ExceptionDetail>)
            return failure;
        return failure switch
        {
            FaultException<ExceptionDetail> fault => new FaultException<ExceptionDetail>(Masked(fault.Detail, context), new FaultReason(context.Masked(fault.Reason.ToString())), fault.Code, fault.Action),
            FaultException fault => new FaultException(new FaultReason(context.Masked(fault.Reason.ToString())), fault.Code, fault.Action),
            ProtocolException => new ProtocolException(message, inner),
            CommunicationException => new CommunicationException(message, inner),
            System.Xml.XmlException => new System.Xml.XmlException(message, inner),
            // A type this list does not know: WCF reports an answer it cannot read as a CommunicationException.
            _ => new CommunicationException(message, inner),
        };
    }

    /// <summary>
    /// A service's exception detail (WCF reads one as <c>FaultException&lt;ExceptionDetail&gt;</c> though the contract
    /// declares no fault; its message and stack may quote the request) masked whole: its values masked one by one and
    /// written as the XML it came as, then read back, so the copy keeps its type, code, stack and inner details, all
    /// but the values. Only the values are masked, never the markup: a personal value that is also a word of it (a
    /// one-word text "Message" or "System") would otherwise leave XML the serializer cannot read. The contract
    /// declares no other fault detail, so no other <c>FaultException&lt;T&gt;</c> can come; one would be copied as a
    /// plain FaultException, masked (its detail type is known only to reflection, which trimming drops).
    /// </summary>
    private static ExceptionDetail Masked(ExceptionDetail detail, OncCallContext context)
    {
        var written = new StringBuilder();
        using (var writer = XmlWriter.Create(written))
        {
            writer.WriteStartElement(nameof(ExceptionDetail), DetailNamespace);
            writer.WriteAttributeString("xmlns", "i", null, InstanceNamespace);
            WriteMembers(writer, detail, context);
            writer.WriteEndElement();
        }
        using var reader = XmlReader.Create(new StringReader(written.ToString()));
        return (ExceptionDetail)DetailSerializer.ReadObject(reader)!;
    }

    private const string DetailNamespace = "http://schemas.datacontract.org/2004/07/System.ServiceModel";
    private const string InstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly DataContractSerializer DetailSerializer = new(typeof(ExceptionDetail));

    /// <summary>The detail's data members, in the order its data contract gives them (by name), values masked.</summary>
    private static void WriteMembers(XmlWriter writer, ExceptionDetail detail, OncCallContext context)
    {
        WriteValue(writer, nameof(ExceptionDetail.HelpLink), context.Masked(detail.HelpLink));
        writer.WriteStartElement(nameof(ExceptionDetail.InnerException), DetailNamespace);
        if (detail.InnerException is { } inner)
            WriteMembers(writer, inner, context);
        else
            writer.WriteAttributeString("nil", InstanceNamespace, "true");
        writer.WriteEndElement();
        WriteValue(writer, nameof(ExceptionDetail.Message), context.Masked(detail.Message));
        WriteValue(writer, nameof(ExceptionDetail.StackTrace), context.Masked(detail.StackTrace));
        WriteValue(writer, nameof(ExceptionDetail.Type), context.Masked(detail.Type));
    }

    private static void WriteValue(XmlWriter writer, string member, string? value)
    {
        writer.WriteStartElement(member, DetailNamespace);
        if (value is null)
            writer.WriteAttributeString("nil", InstanceNamespace, "true");
        else
            writer.WriteString(value);
        writer.WriteEndElement();
    }
}
