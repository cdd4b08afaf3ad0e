using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;
using System.Xml;
using Contracts.Core;
using Shapes = Contracts.Onc.OutboundNotificationsCampaignsServiceAnswerShapes;

namespace Contracts.Onc.Http;

/// <summary>
/// Reads the reply of an operation that answers an error code (the contract's result is a number: AddCampaignContact,
/// DeleteCampaign...) in one pass, checking it as it reads: the reply wrapper the contract names, the result element
/// in its namespace, present and not nil. WCF's data-contract formatter would read a reply without its result as 0
/// ("success") and set aside a result in another namespace; checking that first meant parsing every answer twice,
/// the dearest part of the SDK's own work around a call. An empty body and a result given twice do not fit either.
/// What does not fit throws
/// <see cref="UnreadableAnswerException"/> with the answer, as <see cref="OncAnswerCheck"/> does for the other
/// operations; a value that is no number is WCF's own reading failure, reported as before.
/// </summary>
internal sealed class OncCodeReply : IClientMessageFormatter
{
    private const string SchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";

    private readonly IClientMessageFormatter _contractFormatter;
    private readonly string _operation;
    private readonly (string Namespace, string Wrapper, string? Result, string? ResultType) _answer;

    private OncCodeReply(IClientMessageFormatter contractFormatter, string operation, (string Namespace, string Wrapper, string? Result, string? ResultType) answer)
    {
        _contractFormatter = contractFormatter;
        _operation = operation;
        _answer = answer;
    }

    /// <summary>
    /// Whether the answer to the request with SOAP action <paramref name="action"/> is an error code, read by this
    /// formatter (so the pipeline need not check it first).
    /// </summary>
    public static bool Reads(string action)
        => Shapes.ByAction.TryGetValue(action, out var answer) && IsCode(answer);

    /// <summary>Reads the error-code replies of <paramref name="endpoint"/>'s operations with this formatter.</summary>
    /// <exception cref="InvalidOperationException">An operation whose result the contract gives as a simple value does not return an int: the generated client and the contract disagree.</exception>
    public static void ReadRepliesOf(ServiceEndpoint endpoint)
    {
        foreach (var operation in endpoint.Contract.Operations)
        {
            var request = operation.Messages[0];
            if (!Shapes.ByAction.TryGetValue(request.Action, out var answer) || !IsCode(answer))
                continue;
            var reply = operation.Messages[1];
            if (reply.Body.ReturnValue?.Type != typeof(int) || reply.Body.Parts.Count != 0)
                throw new InvalidOperationException($"{operation.Name}: the contract's result is a simple value but the generated client does not return an int alone.");
            operation.OperationBehaviors.Add(new Installer(operation.Name, answer));
        }
    }

    public Message SerializeRequest(MessageVersion messageVersion, object[] parameters)
        => _contractFormatter.SerializeRequest(messageVersion, parameters);

    public object DeserializeReply(Message message, object[] parameters)
    {
        ArgumentNullException.ThrowIfNull(message);
        string? problem;
        int code = 0;
        try
        {
            // WCF's data-contract formatter reads an empty body as the value 0 (success), without a word.
            if (message.IsEmpty)
                problem = $"the body is empty where the contract has {{{_answer.Namespace}}}{_answer.Wrapper}";
            else
            {
                using var reader = message.GetReaderAtBodyContents();
                problem = Read(reader, out code);
            }
        }
        catch (Exception malformed) when (malformed is XmlException or FormatException or OverflowException)
        {
            // As WCF's formatter reports a value it cannot read: the answer came but is not what SOAP says.
            throw new CommunicationException($"The reply to {_operation} could not be read: {malformed.Message}", malformed);
        }
        if (problem is null)
            return code;

        var call = OncCallContext.Current;
        // The answer may echo the request's personal values (the contact it adds): quoted masked.
        var failure = new UnreadableAnswerException(OncException.VendorName, _operation, call?.Masked(problem) ?? problem, call?.StatusCode, call?.Masked(call.AnswerText()));
        call?.Failure = failure;
        throw failure;
    }

    /// <summary>Reads the reply wrapper the reader is on; the problem, or null with the result in <paramref name="code"/>.</summary>
    private string? Read(XmlDictionaryReader reader, out int code)
    {
        code = 0;
        reader.MoveToContent();
        if (!reader.IsLocalName(_answer.Wrapper) || !reader.IsNamespaceUri(_answer.Namespace))
            return $"the body holds {{{reader.NamespaceURI}}}{reader.LocalName} where the contract has {{{_answer.Namespace}}}{_answer.Wrapper}";
        var found = false;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            reader.Read();
            while (reader.Depth > depth)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }
                if (!reader.IsNamespaceUri(_answer.Namespace))
                    return $"{_answer.Wrapper} holds {{{reader.NamespaceURI}}}{reader.LocalName}, in a namespace the contract does not define for it";
                if (!reader.IsLocalName(_answer.Result!))
                {
                    reader.Skip(); // A member the contract does not name yet.
                    continue;
                }
                // The contract has one result: of two, which one the service meant cannot be told.
                if (found)
                    return $"{_answer.Wrapper} holds {_answer.Result} more than once, where the contract has one";
                if (reader.GetAttribute("nil", SchemaInstance) is "true" or "1")
                    return $"{_answer.Result} is nil, where the contract has a number";
                found = true;
                code = reader.ReadElementContentAsInt();
            }
        }
        return found ? null : $"{_answer.Wrapper} holds no {_answer.Result} element: read as it is, an empty reply would pass for the value 0 (success)";
    }

    private static bool IsCode((string Namespace, string Wrapper, string? Result, string? ResultType) answer)
        => answer is { Result: not null, ResultType: null };

    /// <summary>Puts the formatter in place of the contract's, after the data-contract behavior has made that one.</summary>
    private sealed class Installer(string operation, (string Namespace, string Wrapper, string? Result, string? ResultType) answer) : IOperationBehavior
    {
        public void ApplyClientBehavior(OperationDescription operationDescription, ClientOperation clientOperation)
        {
            ArgumentNullException.ThrowIfNull(clientOperation);
            clientOperation.Formatter = new OncCodeReply(clientOperation.Formatter, operation, answer);
        }

        public void AddBindingParameters(OperationDescription operationDescription, BindingParameterCollection bindingParameters)
        {
        }

        public void ApplyDispatchBehavior(OperationDescription operationDescription, DispatchOperation dispatchOperation)
        {
        }

        public void Validate(OperationDescription operationDescription)
        {
        }
    }
}
