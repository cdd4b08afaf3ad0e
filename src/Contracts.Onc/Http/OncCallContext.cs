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

    private OncCallContext(string operation, CancellationToken cancellation, string? sessionId, object? personal)
    {
        Operation = operation;
        Cancellation = cancellation;
        SessionId = sessionId;
        _personal = personal;
    }

    /// <summary>The contact or campaign the request carries, whose values are personal; read only when a failure is shown.</summary>
    private readonly object? _personal;

    /// <summary>The scrubber of <see cref="_personal"/>'s values, made by the first failure text that needs it.</summary>
    private SecretScrubber? _scrubber;

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
    /// <paramref name="text"/> (failure text: a fault's reason, an unreadable answer) with the request's personal values
    /// masked by Core's rule (<see cref="PersonalValues"/>): a contact's destinations (phone numbers, e-mail address)
    /// and texts, a campaign's message texts. Success answers are never scanned: the values are read here, on failure only.
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public string? Masked(string? text)
        => text is null || _personal is null ? text : (_scrubber ??= PersonalValues.For(ValuesOf(_personal))).Scrub(text);

    /// <summary>
    /// The personal values of what a request carries. The senders' own numbers, address and names (FromNumber,
    /// CallingNumber, FromEmail) and the campaign's names stay shown: they are the account's, not a recipient's.
    /// </summary>
    private static IEnumerable<string?> ValuesOf(object personal) => personal switch
    {
        OutboundNotificationContactInfo contact =>
        [
            contact.SMSCommInfo?.Destination, contact.SMSCommInfo?.TextToSendOverwrite,
            contact.EmailCommInfo?.Destination, contact.EmailCommInfo?.TextToSendOverwrite,
            contact.VoiceCommInfo?.Destination, contact.VoiceCommInfo?.TextToSendOverwrite,
        ],
        OutboundNotificationCampaignInfo campaign =>
        [
            campaign.OutboundSMSNotificationInfo?.TextToSend, campaign.OutboundVoiceNotificationInfo?.TextToSpeak,
            campaign.OutboundEmailNotificationInfo?.Subject, campaign.OutboundEmailNotificationInfo?.HtmlContent,
        ],
        _ => [],
    };

    /// <summary>Starts a request on this flow, from the async method that sends it (see the remarks).</summary>
    public static OncCallContext Begin(string operation, CancellationToken cancellation, string? sessionId, object? personal)
    {
        var context = new OncCallContext(operation, cancellation, sessionId, personal);
        Ambient.Value = context;
        return context;
    }
}
