namespace Contracts.Onc.Http;

/// <summary>
/// What one SOAP call carries through WCF to the HTTP pipeline and back: the caller's cancellation (WCF's
/// task-based operations take no CancellationToken) and the HTTP status of the answer (WCF's exceptions do not
/// expose it). Flows as an AsyncLocal, which WCF's asynchronous path preserves down to HttpClient.
/// </summary>
internal sealed class OncCallContext : IDisposable
{
    private static readonly AsyncLocal<OncCallContext?> Ambient = new();
    private readonly OncCallContext? _previous;

    private OncCallContext(CancellationToken cancellation)
    {
        Cancellation = cancellation;
        _previous = Ambient.Value;
        Ambient.Value = this;
    }

    /// <summary>The context of the call in progress on this flow, if any.</summary>
    public static OncCallContext? Current => Ambient.Value;

    public CancellationToken Cancellation { get; }

    /// <summary>The HTTP status of the last answer the pipeline saw for this call.</summary>
    public int? StatusCode { get; set; }

    /// <summary>Starts a call; dispose it when the call ends.</summary>
    public static OncCallContext Begin(CancellationToken cancellation) => new(cancellation);

    public void Dispose() => Ambient.Value = _previous;
}
