using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Contracts.Core.Security;
using Contracts.Core.Telemetry;
using Contracts.Core.Xml;

namespace Contracts.Core.Http;

/// <summary>
/// The one send path of every generated REST operation: checks the JSON body against its contract (a generated
/// operation called directly is held to the contract too), sends an <see cref="OperationRequest"/> through the
/// client's pipeline (deadline, retry by idempotency, bearer token or signing, wire checks), maps every answer that
/// is not a success through the client's <see cref="IVendorErrorTable"/>, and reads a success with the answer type's
/// source-generated JSON metadata. The call's telemetry scope stays open until the answer is read, so a refusal's
/// error code and request id reach its span.
/// </summary>
public sealed class OperationSender
{
    private readonly HttpClient _httpClient;
    private readonly IVendorErrorTable _errors;
    private readonly IOperationSigning? _signing;

    /// <summary>Creates the sender of one client.</summary>
    /// <param name="httpClient">The client's HttpClient, with the SDK's pipeline and a base address ending with '/'.</param>
    /// <param name="errors">The client's error table.</param>
    public OperationSender(HttpClient httpClient, IVendorErrorTable errors)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _errors = errors ?? throw new ArgumentNullException(nameof(errors));
    }

    /// <summary>Creates the sender of a client that signs its requests.</summary>
    /// <param name="httpClient">The client's HttpClient, with the SDK's pipeline and a base address ending with '/'.</param>
    /// <param name="errors">The client's error table.</param>
    /// <param name="signing">The client's signing step, run on every request description before it is sent.</param>
    public OperationSender(HttpClient httpClient, IVendorErrorTable errors, IOperationSigning signing)
        : this(httpClient, errors)
    {
        _signing = signing ?? throw new ArgumentNullException(nameof(signing));
    }

    /// <summary>
    /// Sends <paramref name="request"/> and reads its success answer as the XML document <paramref name="answer"/>
    /// describes; an answer that is not that document, or that says the vendor refused the call
    /// (<see cref="IRefusalAnswer"/>), goes to the error table with the reason and the body.
    /// </summary>
    public async Task<TResult> SendAsync<TResult>(OperationRequest request, XmlAnswer<TResult> answer, CancellationToken cancellationToken)
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(answer);
        // The answer's verdict (a refusal in an HTTP 200 body) reaches the call's span only if the scope outlives the read.
        using var scope = VendorCallScope.Begin();
        using var response = await SendCheckedAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await AnswerContent.BodyOf(response, cancellationToken).ConfigureAwait(false);
        // Whether the body is the document does not depend on its Content-Type, which only words the reason why not:
        // it is parsed (and the body read again) only then.
        var read = answer.Read(body, contentType: null);
        if (read.Value is null)
            read = answer.Read(body, request.PersonalScrubber().Scrub(response.Content.Headers.ContentType?.ToString()));
        if (read.Value is { } value)
        {
            if (value is not IRefusalAnswer { IsRefusal: true })
                return value;
            throw Refused(request, response, body, value, shown => answer.Read(shown, contentType: null).Value);
        }
        var summary = $"{request.Operation.Id} answered {read.NotRead}";
        throw _errors.Create(new VendorFailure(request.Operation.Id, (int)response.StatusCode, summary, Text(Shown(request, body)), ShownHeaders(request, response)));
    }

    /// <summary>
    /// Sends <paramref name="request"/> and reads its success answer as <typeparamref name="TResult"/>; an answer that
    /// says the vendor refused the call (<see cref="IRefusalAnswer"/>: ENGAGE's HTTP 200 with a failure errorCode) goes
    /// to the error table with the body.
    /// </summary>
    public async Task<TResult> SendAsync<TResult>(OperationRequest request, JsonTypeInfo<TResult> answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        using var scope = VendorCallScope.Begin();
        using var response = await SendCheckedAsync(request, cancellationToken).ConfigureAwait(false);
        Exception? unreadable = null;
        try
        {
            if (request.Reading == AnswerReading.Strict && response.Content is AnswerContent buffered)
            {
                // Read where the pipeline put the answer (past a UTF-8 byte order mark, as a stream is read).
                var strict = JsonSerializer.Deserialize(WithoutByteOrderMark(buffered.Bytes), answer);
                if (strict is IRefusalAnswer { IsRefusal: true })
                    throw Refused(request, response, buffered.ToArray(), strict, shown => ReadAgain(shown, request.Reading, answer));
                if (strict is not null)
                    return strict;
            }
            else if (request.Reading == AnswerReading.Strict)
            {
                // Over an HttpClient without the pipeline the answer is buffered here, so that an unreadable one can
                // still be read again as text for the error below.
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                var strict = JsonSerializer.Deserialize(stream, answer);
                if (strict is IRefusalAnswer { IsRefusal: true })
                    throw Refused(request, response, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false), strict, shown => ReadAgain(shown, request.Reading, answer));
                if (strict is not null)
                    return strict;
            }
            else
            {
                var body = await AnswerContent.BodyOf(response, cancellationToken).ConfigureAwait(false);
                var lenient = JsonSerializer.Deserialize(AsRead(body, request.Reading), answer);
                if (lenient is IRefusalAnswer { IsRefusal: true })
                    throw Refused(request, response, body, lenient, shown => ReadAgain(shown, request.Reading, answer));
                if (lenient is not null)
                    return lenient;
            }
        }
        catch (JsonException failure)
        {
            unreadable = failure;
        }
        var summary = $"Could not deserialize the answer to {request.Operation.Id} as {typeof(TResult).Name}";
        var text = Text(Shown(request, await AnswerContent.BodyOf(response, cancellationToken).ConfigureAwait(false)));
        throw _errors.Create(new VendorFailure(request.Operation.Id, (int)response.StatusCode, summary, text, ShownHeaders(request, response), unreadable));
    }

    /// <summary>Sends <paramref name="request"/>, whose success answer carries nothing the caller reads.</summary>
    public async Task SendAsync(OperationRequest request, CancellationToken cancellationToken)
    {
        using var scope = VendorCallScope.Begin();
        using var response = await SendCheckedAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="request"/> and reads its success answer as text (a <c>text/plain</c> answer).</summary>
    public async Task<string> SendForTextAsync(OperationRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendForAnswerAsync(request, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <paramref name="request"/> and hands back its success answer unread (a file, an XML document the
    /// vendor's reader parses); the caller disposes it.
    /// </summary>
    public async Task<HttpResponseMessage> SendForAnswerAsync(OperationRequest request, CancellationToken cancellationToken)
    {
        using var scope = VendorCallScope.Begin();
        return await SendCheckedAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <paramref name="request"/> (signed first) and returns its success answer; any other status is read and
    /// thrown through the error table. Each public method holds the call's <see cref="VendorCallScope"/> around it.
    /// </summary>
    private async Task<HttpResponseMessage> SendCheckedAsync(OperationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = Prepare(request);
        var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        Answered(request, response, message);
        var status = (int)response.StatusCode;
        if (request.IsSuccess(status))
            return response;
        using (response)
        {
            var body = await AnswerContent.BodyOf(response, cancellationToken).ConfigureAwait(false);
            throw Failure(request, response, status, body);
        }
    }

    private HttpRequestMessage Prepare(OperationRequest request)
    {
        // Before signing: a body the contract refuses is never signed, let alone sent.
        request.ThrowIfBodyBreaksContract();
        _signing?.Sign(request);
        // An answer kept for a friendly method's error shows the call's personal values masked, as every failure does.
        ResponseCapture.Current?.ShowsFailuresOf(request);
        return request.ToHttpRequest();
    }

    private static void Answered(OperationRequest request, HttpResponseMessage response, HttpRequestMessage sent)
    {
        request.AnswerStatus = (int)response.StatusCode;
        request.AnswerHeaders = response.Headers;
        // A transport need not link its answer to the request; the URL sent (made absolute by the HttpClient) is then the page's.
        request.AnsweredUri = response.RequestMessage?.RequestUri ?? sent.RequestUri;
    }

    /// <summary>
    /// The failure of an answer with a success status that says the vendor refused the call, with its body. When the
    /// body quotes a personal value of the call, the typed answer handed to the error table is read again from the
    /// body as shown (<paramref name="readAgain"/>), so its message shows the value masked too.
    /// </summary>
    private Exception Refused<TResult>(OperationRequest request, HttpResponseMessage response, byte[] body, TResult answer, Func<byte[], TResult?> readAgain)
    {
        var shown = Shown(request, body);
        var failure = new VendorFailure(request.Operation.Id, (int)response.StatusCode, $"{request.Operation.Id} was refused", Text(shown), ShownHeaders(request, response));
        if (ReferenceEquals(shown, body))
            return _errors.Create(failure, answer);
        return readAgain(shown) is { } masked ? _errors.Create(failure, masked) : _errors.Create(failure);
    }

    private Exception Failure(OperationRequest request, HttpResponseMessage response, int status, byte[] body)
    {
        var declared = request.FailureFor(status);
        var summary = declared?.Description
            ?? string.Create(CultureInfo.InvariantCulture, $"{request.Operation.Id} answered with status {status}, which the contract does not declare");
        var shown = Shown(request, body);
        var failure = new VendorFailure(request.Operation.Id, status, summary, Text(shown), ShownHeaders(request, response));
        return declared is null ? _errors.Create(failure) : declared.ToException(failure, shown, _errors);
    }

    /// <summary>
    /// <paramref name="body"/> as a failure may show it: with the call's personal values (<see cref="OperationRequest.Personal(string?[])"/>)
    /// masked; the same array when it quotes none. Only failures pay for it: a success is read as it came.
    /// </summary>
    private static byte[] Shown(OperationRequest request, byte[] body)
    {
        var scrubber = request.PersonalScrubber();
        if (scrubber.IsEmpty || body.Length == 0)
            return body;
        var shown = scrubber.Scrub(new ArraySegment<byte>(body));
        return ReferenceEquals(shown.Array, body) ? body : shown.ToArray();
    }

    /// <summary>A refusal's JSON answer read again from the body as shown; null when it no longer reads.</summary>
    private static TResult? ReadAgain<TResult>(byte[] shown, AnswerReading reading, JsonTypeInfo<TResult> answer)
    {
        try
        {
            return JsonSerializer.Deserialize(reading == AnswerReading.Strict ? WithoutByteOrderMark(shown) : AsRead(shown, reading), answer);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>The answer as the reading rule takes it: an empty body an empty object, a bare object where a list is declared a list of one.</summary>
    private static ReadOnlySpan<byte> AsRead(byte[] body, AnswerReading reading)
    {
        var start = body.AsSpan().Trim(" \t\r\n"u8);
        if (start.IsEmpty && reading.HasFlag(AnswerReading.EmptyBody))
            return "{}"u8;
        if (!reading.HasFlag(AnswerReading.ObjectOrArray))
            return body;
        if (start.IsEmpty || start[0] != (byte)'{')
            return body;
        var wrapped = new byte[body.Length + 2];
        wrapped[0] = (byte)'[';
        body.CopyTo(wrapped, 1);
        wrapped[^1] = (byte)']';
        return wrapped;
    }

    private static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> body)
        => body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? body[3..] : body;

    private static string Text(byte[] body) => body.Length == 0 ? string.Empty : Encoding.UTF8.GetString(body);

    /// <summary>The answer's headers, content headers included, as the vendors' exceptions and file answers carry them.</summary>
    public static Dictionary<string, IEnumerable<string>> HeadersOf(HttpResponseMessage response) => HeadersOf(response, SecretScrubber.None);

    /// <summary>
    /// The headers of an answer that fails <paramref name="request"/>, as its exception carries them (and reads its
    /// request id, content type and reasons from them): a header echoing a personal value of the call (a request id a
    /// proxy made from the URL, a reason quoting the recipient) shows it masked, as the body does.
    /// </summary>
    private static Dictionary<string, IEnumerable<string>> ShownHeaders(OperationRequest request, HttpResponseMessage response)
        => HeadersOf(response, request.PersonalScrubber());

    private static Dictionary<string, IEnumerable<string>> HeadersOf(HttpResponseMessage response, SecretScrubber shown)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
            headers[name] = ShownValues(values, shown);
        foreach (var (name, values) in response.Content.Headers)
            headers[name] = ShownValues(values, shown);
        return headers;
    }

    private static IEnumerable<string> ShownValues(IEnumerable<string> values, SecretScrubber scrubber)
        => scrubber.IsEmpty ? values : [.. values.Select(value => scrubber.Scrub(value)!)];
}
