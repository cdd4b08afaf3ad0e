using System.Text;

namespace Contracts.Onc.Http;

/// <summary>
/// What one SOAP request carries through WCF to the HTTP pipeline and back: the caller's cancellation (WCF's
/// task-based operations take no CancellationToken), the session id the request carries (a secret the pipeline
/// masks in the answer), and on the way back the HTTP status of the answer and the SDK's typed failure (WCF's
/// exceptions expose neither). Flows as an AsyncLocal, which WCF's asynchronous path preserves down to HttpClient.
/// </summary>
internal sealed class OncCallContext : IDisposable
{
    private static readonly AsyncLocal<OncCallContext?> Ambient = new();
    private readonly OncCallContext? _previous;

    private OncCallContext(CancellationToken cancellation, string? sessionId)
    {
        Cancellation = cancellation;
        SessionId = sessionId;
        _previous = Ambient.Value;
        Ambient.Value = this;
    }

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

    /// <summary>Starts a request; dispose it when the request ends.</summary>
    public static OncCallContext Begin(CancellationToken cancellation, string? sessionId) => new(cancellation, sessionId);

    public void Dispose() => Ambient.Value = _previous;
}
