using System.Text;

namespace Contracts.Core.Http;

/// <summary>
/// Keeps the raw body of the last answer a call received (bounded by MaxResponseBytes, already scrubbed of the
/// request's secrets), so that a friendly method that finds a 200 answer is not a success can throw an error that
/// carries exactly what the vendor sent, except the call's personal values (<see cref="OperationRequest.Personal(string?[])"/>),
/// shown masked. Begin it around the call; <see cref="WireHandler"/> fills it.
/// </summary>
public sealed class ResponseCapture : IDisposable
{
    private static readonly AsyncLocal<ResponseCapture?> Ambient = new();
    private readonly ResponseCapture? _previous;
    private ArraySegment<byte>? _bytes;
    private string? _body;
    private OperationRequest? _request;

    private ResponseCapture()
    {
        _previous = Ambient.Value;
        Ambient.Value = this;
    }

    /// <summary>The capture of the call in progress on this flow, if any.</summary>
    internal static ResponseCapture? Current => Ambient.Value;

    /// <summary>The last answer's body as text (UTF-8), or null when no answer came.</summary>
    /// <remarks>
    /// Decoded when first asked for: most captured answers are read as the success they are and never shown.
    /// </remarks>
    public string? Body => _body ??= _bytes is { } bytes ? Encoding.UTF8.GetString(PersonalMasked(bytes)) : null;

    /// <summary>The last answer's HTTP status, or null when no answer came.</summary>
    public int? StatusCode { get; private set; }

    /// <summary>
    /// Keeps an answer: its status and its body as read and scrubbed, which nothing writes to afterwards (the bytes
    /// are the answer's buffered content).
    /// </summary>
    internal void Keep(int statusCode, ArraySegment<byte> body)
    {
        StatusCode = statusCode;
        _bytes = body;
        _body = null;
    }

    /// <summary>The call whose answers are kept next: its personal values are masked in <see cref="Body"/>.</summary>
    internal void ShowsFailuresOf(OperationRequest request) => _request = request;

    private ArraySegment<byte> PersonalMasked(ArraySegment<byte> bytes)
        => _request is null ? bytes : _request.PersonalScrubber().Scrub(bytes);

    /// <summary>Starts capturing the answers of the calls made on this flow until disposed.</summary>
    public static ResponseCapture Begin() => new();

    /// <inheritdoc />
    public void Dispose() => Ambient.Value = _previous;
}
