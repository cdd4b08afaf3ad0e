using System.ServiceModel;

namespace Contracts.Onc.Http;

/// <summary>
/// WCF's exception for an answer it could not take (a SOAP fault, an answer that is not SOAP) quotes the answer, and
/// an answer may echo the request's personal values: such an exception is replaced by one of the same type whose
/// texts show them masked (<see cref="OncCallContext.Masked"/>), so neither OncException's message nor its inner
/// exception (ToString, logs, traces) carries them. The replacement keeps what the client reads of it: a fault's
/// code and action, the type (a fault stays a FaultException: the session check and the delivery verdict go by it).
/// </summary>
internal static class OncPersonalMasking
{
    /// <summary><paramref name="failure"/>, or a masked copy of it when its texts hold a personal value of <paramref name="context"/>'s request.</summary>
    public static Exception Masked(Exception failure, OncCallContext context)
    {
        var inner = failure.InnerException is { } cause ? Masked(cause, context) : null;
        var message = context.Masked(failure.Message);
        if (ReferenceEquals(message, failure.Message) && ReferenceEquals(inner, failure.InnerException))
            return failure;
        return failure switch
        {
            FaultException fault => new FaultException(new FaultReason(context.Masked(fault.Reason.ToString())), fault.Code, fault.Action),
            ProtocolException => new ProtocolException(message, inner),
            CommunicationException => new CommunicationException(message, inner),
            System.Xml.XmlException => new System.Xml.XmlException(message, inner),
            // A type this list does not know: WCF reports an answer it cannot read as a CommunicationException.
            _ => new CommunicationException(message, inner),
        };
    }
}
