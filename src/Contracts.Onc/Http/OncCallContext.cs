using System.Text;
using Contracts.Core.Security;

namespace Contracts.Onc.Http;

/// <summary>
/// What one SOAP request carries through WCF to the HTTP pipeline and back: the caller's cancellation (WCF's
/// task-based operations take no CancellationToken), the session id the request carries (a secret the pipeline
/// masks in the answer), and on the way back the HTTP status of the answer and the SDK's typed failure (WCF's
/// exceptions expose neither). Flows as an AsyncLocal, which WCF's asynchronous path preserves down to HttpClient:
/// WCF makes the HttpRequestMessage itself and copies none of the call's state onto it.
/// </summary>
/// <remarks>
/// A context is begun by an async method for the one request it sends (<see cref="OncWire"/>) and is not taken back
/// when the request ends: what an async method changes in its flow ends with it (its caller goes on in its own), so
/// restoring the previous context would only cost a second change of the flow on every request.
/// </remarks>
internal sealed class OncCallContext
{
    private static readonly AsyncLocal<OncCallContext?> Ambient = new();

    private OncCallContext(string operation, CancellationToken cancellation, string? sessionId, OutboundNotificationContactInfo? contact)
    {
        Operation = operation;
        Cancellation = cancellation;
        SessionId = sessionId;
        _contact = contact;
    }

    /// <summary>The contact the request carries, whose values are personal; read only when a failure is shown.</summary>
    private readonly OutboundNotificationContactInfo? _contact;

    /// <summary>The name of the contract's operation the request is (AddCampaignContact...).</summary>
    public string Operation { get; }

    /// <summary>The context of the request in progress on this flow, if any.</summary>
    public static OncCallContext? Current => Ambient.Value;

    public CancellationToken Cancellation { get; }

    /// <summary>The session id the request's body carries; null for OpenAPISession.</summary>
    public string? SessionId { get; }

    /// <summary>The HTTP status of the last answer the pipeline saw for this request.</summary>
    public int? StatusCode { get; set; }

    /// <summary>
    /// What the SDK's pipeline threw for this request (a <see cref="Contracts.Core.VendorApiException"/> or a
    /// <see cref="Contracts.Core.VendorCallCanceledException"/>), before WCF and HttpClient wrapped it in their own.
    /// </summary>
    public Exception? Failure { get; set; }

    /// <summary>
    /// The answer's body as the pipeline handed it to WCF, for <see cref="OncCodeReply"/> to quote when the answer does
    /// not fit the contract. The stream is WCF's to read and close: a MemoryStream still gives its bytes once closed.
    /// </summary>
    public Stream? Answer { get; set; }

    /// <summary>The text of <see cref="Answer"/> (as the pipeline keeps answers: UTF-8), or null when there is none.</summary>
    public string? AnswerText() => Answer is MemoryStream body ? Encoding.UTF8.GetString(body.ToArray()) : null;

    /// <summary>
    /// <paramref name="text"/> (failure text: a fault's reason, an unreadable answer) with the personal values of the
    /// request's contact — its destinations (phone numbers, e-mail address) and texts — masked by Core's rule
    /// (<see cref="PersonalValues"/>). Success answers are never scanned: the values are read here, on failure only.
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public string? Masked(string? text)
    {
        if (_contact is null || text is null)
            return text;
        CommunicationInfo?[] channels = [_contact.SMSCommInfo, _contact.EmailCommInfo, _contact.VoiceCommInfo];
        return PersonalValues.For(channels.SelectMany(c => new[] { c?.Destination, c?.TextToSendOverwrite })).Scrub(text);
    }

    /// <summary>Starts a request on this flow, from the async method that sends it (see the remarks).</summary>
    public static OncCallContext Begin(string operation, CancellationToken cancellation, string? sessionId, OutboundNotificationContactInfo? contact)
    {
        var context = new OncCallContext(operation, cancellation, sessionId, contact);
        Ambient.Value = context;
        return context;
    }
}
