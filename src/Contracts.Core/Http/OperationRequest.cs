using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Contracts.Core.Security;
using Contracts.Core.Validation;

namespace Contracts.Core.Http;

/// <summary>
/// What a generated operation knows about one call, as the contract describes it: the operation, its method, its
/// route with the values the caller gave (escaped here, once, for every client), query, headers, body, and the
/// answers the contract declares. The operation builds it and hands it to <see cref="OperationSender"/>, which
/// owns everything else (serialisation, sending, error mapping, reading).
/// </summary>
public sealed class OperationRequest
{
    private readonly FilledRoute _route;
    private List<KeyValuePair<string, string>>? _headers;
    private DeclaredFailure[] _declaredFailures = [];
    private List<DeclaredFailure>? _failures;
    private int[] _successStatuses = [200];
    private PathEscaping? _escaping;
    private List<string>? _signedValues;
    private List<string>? _leftToSigning;
    private List<string>? _secrets;
    private List<IEnumerable<string?>>? _personal;
    private string[]? _personalBody;
    private SecretScrubber? _personalScrubber;
    private byte[]? _body;
    private IContractChecked? _bodyToCheck;

    /// <summary>Describes a call of <paramref name="operation"/> with <paramref name="method"/>.</summary>
    /// <param name="operation">The contract's operation: id, route template, idempotency.</param>
    /// <param name="method">The HTTP method.</param>
    public OperationRequest(VendorOperation operation, HttpMethod method)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(method);
        Operation = operation;
        Method = method;
        _route = new FilledRoute(operation.RouteTemplate);
    }

    /// <summary>The contract's operation.</summary>
    public VendorOperation Operation { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The relative route with path values and query filled in, escaped.</summary>
    public string Route => _route.ToString();

    /// <summary>The body's bytes and media type, or null for a request without a body.</summary>
    internal HttpContent? Content { get; private set; }

    /// <summary>The media type asked for in <c>Accept</c>, if any.</summary>
    internal string? Accept { get; private set; }

    /// <summary>The rule the success answer is read by (<see cref="AnswerReading.ObjectOrArray"/> from the contract's whole-answer <c>x-lenient</c>).</summary>
    public AnswerReading Reading { get; private set; } = AnswerReading.Strict;

    /// <summary>
    /// Fills the route's <c>{<paramref name="name"/>}</c> with <paramref name="value"/>, escaped as one path segment.
    /// </summary>
    /// <exception cref="ArgumentException">The value is null, empty, <c>.</c> or <c>..</c>: it would not stay one segment.</exception>
    public OperationRequest Path(string name, string? value)
    {
        RouteSafety.ThrowIfNotOneSegment(value, name);
        _route.Fill(name, Escape(value!));
        return this;
    }

    /// <summary>
    /// Escapes the path values written after this call by <paramref name="escaping"/>, the client's own rule (the
    /// contract's <c>x-path-segment-escaping</c>), instead of <see cref="Uri.EscapeDataString(string)"/>.
    /// </summary>
    public OperationRequest EscapedBy(PathEscaping escaping)
    {
        _escaping = escaping ?? throw new ArgumentNullException(nameof(escaping));
        return this;
    }

    /// <summary>The path escaping rule of this request's client, or null for <see cref="Uri.EscapeDataString(string)"/>.</summary>
    public PathEscaping? Escaping => _escaping;

    /// <summary>
    /// <see cref="Path(string, string?)"/> for a value the contract says the signature covers (<c>x-signed-segments</c>):
    /// kept, as given, in <see cref="SignedValues"/> for the client's <see cref="IOperationSigning"/>.
    /// </summary>
    public OperationRequest SignedPath(string name, string? value)
    {
        Path(name, value);
        // Capacity for a signed route's values (Ogangi signs up to six): the list is not grown per call.
        (_signedValues ??= new List<string>(8)).Add(value!);
        return this;
    }

    /// <summary>The values of <see cref="SignedPath"/>, as given (before escaping), in route order.</summary>
    public IReadOnlyList<string> SignedValues => (IReadOnlyList<string>?)_signedValues ?? [];

    /// <summary>
    /// Leaves the route's <c>{<paramref name="name"/>}</c> to the client's signing step (the contract's
    /// <c>x-filled-by: signing</c>): the request cannot be sent until <see cref="FillSigned"/> fills it.
    /// </summary>
    public OperationRequest FilledBySigning(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        (_leftToSigning ??= []).Add(name);
        return this;
    }

    /// <summary>
    /// Fills <c>{<paramref name="name"/>}</c>, left by <see cref="FilledBySigning"/>, with <paramref name="value"/>
    /// escaped as one path segment; the value is a secret of the request (see <see cref="VendorRequest.AddSecret"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The contract does not leave <paramref name="name"/> to signing, or it was filled already.</exception>
    /// <exception cref="ArgumentException">The value could not be one path segment.</exception>
    public OperationRequest FillSigned(string name, string value)
    {
        if (_leftToSigning is null || !_leftToSigning.Remove(name))
            throw new InvalidOperationException($"{Operation.Id} leaves no path value '{name}' to signing.");
        RouteSafety.ThrowIfNotOneSegment(value, name);
        var escaped = Escape(value);
        _route.Fill(name, escaped);
        (_secrets ??= []).Add(value);
        // An answer echoing the URL carries the value as this client's rule wrote it, which the scrubber's own forms
        // (raw, Uri.EscapeDataString, JSON, XML) miss when the rule keeps punctuation ("pk%2Bkey==").
        if (!string.Equals(escaped, value, StringComparison.Ordinal))
            _secrets.Add(escaped);
        return this;
    }

    /// <summary>
    /// Declares <paramref name="values"/> personal (see <see cref="PersonalValues"/>): an answer that fails this call
    /// shows them as <see cref="SecretScrubber.Mask"/> in every failure text. Nothing is read or copied until a
    /// failure is shown, so a long list costs a success nothing.
    /// </summary>
    public OperationRequest Personal(params string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Personal((IEnumerable<string?>)values);
    }

    /// <summary>
    /// <see cref="Personal(string?[])"/> for values read only when a failure is shown (a batch's recipients, given as
    /// a lazy selection over its destinations): enumerated then, not before.
    /// </summary>
    public OperationRequest Personal(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        (_personal ??= []).Add(values);
        _personalScrubber = null;
        return this;
    }

    /// <summary>
    /// Declares personal every text of the JSON body under its top-level <paramref name="properties"/> (the contract's
    /// <c>x-personal-body</c>: the targets of a message, a person's details), read from the body only when a failure
    /// is shown; the rest of the body (the message's own settings) stays shown.
    /// </summary>
    public OperationRequest PersonalBody(params string[] properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        _personalBody = properties;
        _personalScrubber = null;
        return this;
    }

    /// <summary>
    /// A scrubber for the values declared by <see cref="Personal(string?[])"/> and <see cref="PersonalBody"/>, made when
    /// a failure is first shown and kept for the request's other failure texts (its headers, a kept answer's body): the
    /// values, a batch's recipients among them, are read and the scrubber built once per request. Declaring values or
    /// giving a JSON body again drops it.
    /// </summary>
    internal SecretScrubber PersonalScrubber() => _personalScrubber ??= NewPersonalScrubber();

    private SecretScrubber NewPersonalScrubber()
    {
        if (_personalBody is not null && _body is not null)
            return PersonalValues.Scrubber([.. _personal ?? [], PersonalValues.TextsUnder(_body, _personalBody)]);
        return _personal is null ? SecretScrubber.None : PersonalValues.Scrubber(_personal);
    }

    /// <summary>The request body's bytes as sent; empty for a request without a body.</summary>
    public ReadOnlyMemory<byte> Body => _body;

    private string Escape(string value) => _escaping?.Escape(value) ?? Uri.EscapeDataString(value);

    /// <summary>
    /// Fills the route's <c>{<paramref name="name"/>}</c> with <paramref name="value"/>, escaped as one path segment,
    /// except a leading <paramref name="keptPrefix"/> the contract says the vendor reads as written (the <c>ext:</c>
    /// of an external reference): the rest of the value stays escaped.
    /// </summary>
    public OperationRequest Path(string name, string? value, string keptPrefix)
    {
        RouteSafety.ThrowIfNotOneSegment(value, name);
        ArgumentNullException.ThrowIfNull(keptPrefix);
        var escaped = value!.StartsWith(keptPrefix, StringComparison.Ordinal) && value.Length > keptPrefix.Length
            ? keptPrefix + Uri.EscapeDataString(value[keptPrefix.Length..])
            : Uri.EscapeDataString(value);
        _route.Fill(name, escaped);
        return this;
    }

    /// <summary>
    /// Sends the call to <paramref name="link"/>, an absolute URL the vendor gave (the next page of a list), instead
    /// of the route: the link already holds every value and the page.
    /// </summary>
    public OperationRequest At(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!link.IsAbsoluteUri)
            throw new ArgumentException("A link to follow must be an absolute URL.", nameof(link));
        RouteSafety.ThrowIfUnsafe(link.AbsoluteUri);
        _route.FollowLink(link.AbsoluteUri, hasQuery: link.Query.Length > 0);
        return this;
    }

    /// <summary>The HTTP status of the answer this request received, once sent; null before.</summary>
    public int? AnswerStatus { get; internal set; }

    /// <summary>The headers of the answer this request received, once sent; null before.</summary>
    public HttpResponseHeaders? AnswerHeaders { get; internal set; }

    /// <summary>The URL the answer came from, once sent (absolute); null before.</summary>
    public Uri? AnsweredUri { get; internal set; }

    /// <summary>Adds <c><paramref name="name"/>=<paramref name="value"/></c> to the query, escaped; a null value is left out.</summary>
    public OperationRequest Query(string name, string? value)
    {
        if (value is null)
            return this;
        _route.AddQuery(Uri.EscapeDataString(name), Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Adds one query item per value of <paramref name="values"/> (<c>name=a&amp;name=b</c>); null leaves it out.</summary>
    public OperationRequest Query(string name, IEnumerable<string?>? values)
    {
        if (values is null)
            return this;
        foreach (var value in values)
            Query(name, value);
        return this;
    }

    /// <summary>Adds one query item per pair of <paramref name="pairs"/> (an exploded object: <c>?UDID=...&amp;token=...</c>); null leaves them out.</summary>
    public OperationRequest Query(IEnumerable<KeyValuePair<string, string>>? pairs)
    {
        if (pairs is null)
            return this;
        foreach (var (name, value) in pairs)
            Query(name, value);
        return this;
    }

    /// <summary>Adds header <paramref name="name"/>; a null value is left out.</summary>
    public OperationRequest Header(string name, string? value)
    {
        if (value is not null)
            (_headers ??= []).Add(new(name, value));
        return this;
    }

    /// <summary>Sends <paramref name="body"/> as JSON, serialised with its source-generated <paramref name="info"/>.</summary>
    /// <exception cref="ArgumentNullException">The body is null: the contract requires one.</exception>
    public OperationRequest JsonBody<TBody>(TBody body, JsonTypeInfo<TBody> info, string mediaType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(info);
        _bodyToCheck = body as IContractChecked;
        _body = JsonSerializer.SerializeToUtf8Bytes(body, info);
        // A scrubber built for a body sent before (a request described again for another recipient) masks that body's values.
        _personalScrubber = null;
        Content = WithType(new ByteArrayContent(_body), mediaType);
        return this;
    }

    /// <summary>
    /// Sends an empty body typed <paramref name="mediaType"/>: where a vendor documents a Content-Type on a call
    /// that has no body, or refuses a POST without one.
    /// </summary>
    public OperationRequest EmptyBody(string mediaType)
    {
        Content = WithType(new ByteArrayContent([]), mediaType);
        return this;
    }

    /// <summary>Sends <paramref name="bytes"/> as the body, typed <paramref name="mediaType"/> (an empty JSON object, a form).</summary>
    public OperationRequest RawBody(byte[] bytes, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Content = WithType(new ByteArrayContent(bytes), mediaType);
        return this;
    }

    /// <summary>Asks for <paramref name="mediaType"/> in the Accept header.</summary>
    public OperationRequest Accepts(string mediaType)
    {
        Accept = mediaType;
        return this;
    }

    /// <summary>
    /// Leaves out the send path's check of the JSON body against its contract: the caller checked it already, with
    /// rules of its own beside the contract's (ENGAGE's friendly push checks each destination as it reads it, and a
    /// batch would otherwise check every one twice).
    /// </summary>
    public OperationRequest BodyAlreadyChecked()
    {
        _bodyToCheck = null;
        return this;
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the operation and every constraint of the contract its JSON body
    /// breaks, before anything is sent (unless <see cref="BodyAlreadyChecked"/>).
    /// </summary>
    internal void ThrowIfBodyBreaksContract()
    {
        if (_bodyToCheck is { } body)
            ContractProblems.ThrowIfBroken(body, $"The {Operation.Id} request body");
    }

    /// <summary>The statuses the contract declares as success for this operation (200 unless said).</summary>
    public OperationRequest Succeeds(params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        _successStatuses = statuses;
        return this;
    }

    /// <summary>A failure status the contract declares, with what it means and no typed body.</summary>
    public OperationRequest Fails(int status, string description)
    {
        (_failures ??= []).Add(DeclaredFailure.Of(status, description));
        return this;
    }

    /// <summary>A failure status the contract declares, whose body is read as <typeparamref name="TResult"/>.</summary>
    public OperationRequest Fails<TResult>(int status, string description, JsonTypeInfo<TResult> info)
    {
        (_failures ??= []).Add(DeclaredFailure.Of(status, description, info));
        return this;
    }

    /// <summary>
    /// The failures the contract declares for this operation, as one set its client built once: the array is kept,
    /// not copied, so a call allocates nothing for them (the caller must not change it afterwards). A request takes
    /// one set; a failure declared one by one (the other overloads) refines it and is looked at first.
    /// </summary>
    /// <exception cref="ArgumentException">The set holds a null entry.</exception>
    /// <exception cref="InvalidOperationException">The request already has a set.</exception>
    public OperationRequest Fails(DeclaredFailure[] failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        // Refused here, where the mistake is made, not later when a failure answer arrives and the lookup meets it.
        if (Array.IndexOf(failures, null) >= 0)
            throw new ArgumentException("A declared failure set holds a null entry.", nameof(failures));
        if (_declaredFailures.Length > 0)
            throw new InvalidOperationException("The request already has its declared failure set; declare further failures one by one.");
        _declaredFailures = failures;
        return this;
    }

    /// <summary>Reads the success answer by <paramref name="reading"/> (the contract's whole-answer <c>x-lenient</c>).</summary>
    public OperationRequest ReadBy(AnswerReading reading)
    {
        Reading = reading;
        return this;
    }

    /// <summary>True when the contract declares <paramref name="status"/> a success of this operation.</summary>
    public bool IsSuccess(int status) => Array.IndexOf(_successStatuses, status) >= 0;

    /// <summary>What the contract declares for failure <paramref name="status"/>, or null when it does not.</summary>
    internal DeclaredFailure? FailureFor(int status)
    {
        // One by one first: they refine the client's shared set for this call, whichever was declared first.
        if (_failures?.Find(f => f.Status == status) is { } refined)
            return refined;
        foreach (var failure in _declaredFailures)
        {
            if (failure.Status == status)
                return failure;
        }
        return null;
    }

    /// <summary>The HTTP request this description stands for, tagged with its operation for the pipeline.</summary>
    internal HttpRequestMessage ToHttpRequest()
    {
        if (_leftToSigning is { Count: > 0 })
            throw new InvalidOperationException($"{Operation.Id} needs its client's signing step to fill {{{string.Join("}, {", _leftToSigning)}}}; nothing was sent.");
        var request = new HttpRequestMessage(Method, new Uri(Route, UriKind.RelativeOrAbsolute)) { Content = Content };
        if (_headers is not null)
        {
            foreach (var (name, value) in _headers)
                request.Headers.TryAddWithoutValidation(name, value);
        }
        if (Accept is not null)
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Accept));
        request.Options.Set(VendorOperation.Key, Operation);
        if (_secrets is not null)
        {
            var record = CallRecord.Of(request);
            foreach (var secret in _secrets)
                record.AddSecret(secret);
        }
        return request;
    }

    private static ByteArrayContent WithType(ByteArrayContent content, string mediaType)
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }
}
