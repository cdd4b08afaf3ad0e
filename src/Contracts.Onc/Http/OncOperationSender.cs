using System.Globalization;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;

namespace Contracts.Onc.Http;

/// <summary>
/// Sends the contract's operations through WCF's message layer rather than through the generated client's proxy:
/// each request is written by the formatter WCF built for the operation (the generated contract's
/// DataContract/XmlSerializer formatting, <see cref="OncCodeReply"/> included), sent on a request channel of the same
/// binding, endpoint and binding parameters (so the same encoder and the SDK's HTTP pipeline), and its reply read by
/// that formatter again. The bytes on the wire are the proxy's. The generated
/// <see cref="OutboundNotificationsCampaignsServiceDirectClient"/> hands it each operation by name.
/// </summary>
/// <remarks>
/// <para>Why: WCF's ServiceChannel costs every call what the SDK cannot use: a new EventTraceActivity (a Guid read
/// from the OS) whether anything traces or not, a reflection-built task per call, and two thread-pool hand-offs
/// (its APM bridge and a TaskCompletionSource that resumes asynchronously). Here the request runs on the caller's
/// flow up to the transport (so its async context reaches the pipeline) and resumes once, where the transport does.</para>
/// <para>What the proxy does with a reply is done here the same way, for the client runtime WCF built: a reply action
/// that is not the operation's is a <see cref="ProtocolException"/>; a fault goes through the channel's
/// <see cref="FaultConverter"/> and WCF's own fault codes, then becomes <see cref="FaultException"/> (or
/// <see cref="FaultException{TDetail}"/> for the contract's fault details); no reply is a
/// <see cref="CommunicationException"/>; a header marked mustUnderstand that nobody read is a
/// <see cref="ProtocolException"/>. The contract declares no headers, inspectors or sessions, which is what
/// lets this stay this small: <see cref="Open"/> refuses a client runtime that has inspectors.</para>
/// </remarks>
internal sealed class OncOperationSender : IEndpointBehavior, IOutboundNotificationsCampaignsServiceOperationSender
{
    private const string DispatcherNamespace = "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher";
    private const string SecurityNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    private readonly ServiceEndpoint _endpoint;
    private ClientRuntime? _runtime;
    private Dictionary<string, ClientOperation> _operations = [];
    private IChannelFactory<IRequestChannel>? _factory;
    private IRequestChannel? _channel;
    private TimeSpan _timeout;
    private MessageVersion _version = MessageVersion.Soap11;

    private OncOperationSender(ServiceEndpoint endpoint) => _endpoint = endpoint;

    /// <summary>A sender for <paramref name="endpoint"/>'s operations; <see cref="Open"/> it once WCF has opened the endpoint's client.</summary>
    public static OncOperationSender For(ServiceEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var sender = new OncOperationSender(endpoint);
        endpoint.EndpointBehaviors.Add(sender);
        return sender;
    }

    /// <summary>Opens the request channel, once WCF has built the client runtime (its formatters) by opening the client.</summary>
    /// <exception cref="InvalidOperationException">The client runtime has inspectors, or WCF has not built it yet.</exception>
    public void Open()
    {
        var runtime = _runtime ?? throw new InvalidOperationException("Open the WCF client first: its client runtime holds the formatters.");
        if (runtime.ClientMessageInspectors.Count != 0 || runtime.ClientOperations.Any(operation => operation.ClientParameterInspectors.Count != 0))
            throw new InvalidOperationException("The client runtime has inspectors, which only WCF's proxy runs.");
        _operations = runtime.ClientOperations.ToDictionary(operation => operation.Name, StringComparer.Ordinal);
        var parameters = new BindingParameterCollection();
        foreach (var behavior in _endpoint.EndpointBehaviors)
            behavior.AddBindingParameters(_endpoint, parameters);
        // ServiceChannel's own timeout per operation: the binding's SendTimeout.
        _timeout = _endpoint.Binding.SendTimeout;
        _version = _endpoint.Binding.MessageVersion;
        // Without WS-Addressing the proxy adds nothing to a request (no ReplyTo, no MessageID to correlate).
        if (_version.Addressing != AddressingVersion.None)
            throw new InvalidOperationException("The sender speaks SOAP without WS-Addressing only, as basicHttpBinding does.");
        _factory = _endpoint.Binding.BuildChannelFactory<IRequestChannel>(parameters);
        _factory.Open();
        _channel = _factory.CreateChannel(_endpoint.Address);
        _channel.Open();
    }

    /// <summary>Sends <paramref name="operation"/> with <paramref name="inputs"/> (its parameters, in the contract's order) and reads its result.</summary>
    public async Task<T> SendAsync<T>(string operation, params object?[] inputs)
    {
        var channel = _channel ?? throw new InvalidOperationException("The sender is not open.");
        var description = _operations[operation];
        using var request = description.Formatter.SerializeRequest(_version, inputs);
        // No callback and no state: the channel hands back the task of the request itself, awaited here without WCF's
        // hop through the thread pool (another IAsyncResult is waited for as any other).
        var pending = channel.BeginRequest(request, _timeout, callback: null, state: null);
        if (pending is Task task)
            await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        else
            await Task.Factory.FromAsync(pending, static _ => { }).ConfigureAwait(false);
        using var reply = channel.EndRequest(pending)
            ?? throw new CommunicationException("The server did not provide a meaningful reply; this might be caused by a contract mismatch, a premature session shutdown or an internal server error.");
        return (T)Read(description, reply);
    }

    /// <summary>The operation's result in <paramref name="reply"/>, or what WCF's proxy throws for it.</summary>
    private object Read(ClientOperation operation, Message reply)
    {
        var action = reply.Headers.Action;
        if (!reply.IsFault && action is not null && operation.ReplyAction != "*" && !string.Equals(operation.ReplyAction, action, StringComparison.Ordinal))
            throw new ProtocolException($"A reply message was received for operation '{operation.Name}' with action '{action}'. However, your client code requires action '{operation.ReplyAction}'.");
        if (reply.IsFault)
            throw FaultOf(operation, reply);
        var result = operation.Formatter.DeserializeReply(reply, []);
        ThrowIfHeaderNotUnderstood(reply.Headers);
        return result;
    }

    /// <summary>
    /// What the proxy throws for a header marked mustUnderstand that nothing read, whatever actor it names: WCF's proxy
    /// does not leave out the headers addressed to another actor, as <see cref="MessageHeaders.HaveMandatoryHeadersBeenUnderstood()"/> does.
    /// </summary>
    private static void ThrowIfHeaderNotUnderstood(MessageHeaders headers)
    {
        for (var index = 0; index < headers.Count; index++)
        {
            var header = headers[index];
            if (header.MustUnderstand && !headers.UnderstoodHeaders.Contains(header))
                throw new ProtocolException($"The header '{header.Name}' from the namespace '{header.Namespace}' was not understood by the recipient of this message, causing the message to not be processed.  This error typically indicates that the sender of this message has enabled a communication protocol that the receiver cannot process.  Please ensure that the configuration of the client's binding is consistent with the service's binding. ");
        }
    }

    /// <summary>The exception WCF's proxy makes of a fault (ServiceChannel.ThrowIfFaultUnderstood and its fault formatter), for SOAP 1.1.</summary>
    private Exception FaultOf(ClientOperation operation, Message reply)
    {
        var fault = MessageFault.CreateFault(reply, _runtime!.MaxFaultSize);
        var action = reply.Headers.Action; // without WS-Addressing there is no default fault action to clear
        if (_channel!.GetProperty<FaultConverter>() is { } converter && converter.TryCreateException(reply, fault, out var converted))
            return converted;
        var code = fault.Code;
        string Reason() => fault.Reason.GetMatchingTranslation(CultureInfo.CurrentCulture).Text;
        switch (code.Namespace, code.Name)
        {
            case (DispatcherNamespace, "SessionTerminated"):
                return new ChannelTerminatedException(Reason());
            case (SecurityNamespace, "FailedAuthentication"):
                return new System.ServiceModel.Security.SecurityAccessDeniedException(Reason());
            case (DispatcherNamespace, "InternalServiceFault") when fault.HasDetail:
                // WCF reads the detail as a service's ExceptionDetail whatever it holds: another detail throws its
                // SerializationException (no FaultException, so no session check and no resend).
                return new FaultException<ExceptionDetail>(fault.GetDetail<ExceptionDetail>(), fault.Reason, fault.Code, action);
            case (DispatcherNamespace, "DeserializationFailed"):
                return new ProtocolException(Reason());
        }
        return FaultException.CreateFault(fault, action, operation.FaultContractInfos.Select(info => info.Detail).ToArray());
    }

    /// <summary>
    /// Closes the request channel (letting the requests under way finish, as closing WCF's client does) and its factory,
    /// and with it the HTTP client WCF made over the pipeline.
    /// </summary>
    public async Task CloseAsync()
    {
        if (_channel is not null)
            await Task.Factory.FromAsync(_channel.BeginClose, _channel.EndClose, null).ConfigureAwait(false);
        if (_factory is not null)
            await Task.Factory.FromAsync(_factory.BeginClose, _factory.EndClose, null).ConfigureAwait(false);
    }

    /// <summary>Closes the channel and its factory at once (nothing left open, whatever closing threw); nothing after <see cref="CloseAsync"/>.</summary>
    public void Abort()
    {
        _channel?.Abort();
        _factory?.Abort();
    }

    void IEndpointBehavior.ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime) => _runtime = clientRuntime;

    void IEndpointBehavior.AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters)
    {
    }

    void IEndpointBehavior.ApplyDispatchBehavior(ServiceEndpoint endpoint, EndpointDispatcher endpointDispatcher)
    {
    }

    void IEndpointBehavior.Validate(ServiceEndpoint endpoint)
    {
    }
}
