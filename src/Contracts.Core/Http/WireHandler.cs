using System.Net;
using System.Net.Sockets;
using Contracts.Core.Security;

namespace Contracts.Core.Http;

/// <summary>
/// The innermost handler, next to the transport: what crosses the wire is checked here.
/// <list type="bullet">
/// <item>Records whether an attempt may have reached the vendor (a connection that failed before the request
/// was written did not; a 429 says the vendor did not act).</item>
/// <item>Refuses every redirect with <see cref="RedirectRefusedException"/> naming the location: the request is
/// never re-sent elsewhere, so its credentials, signature and body stay with the origin, and a redirect's answer
/// can never pass for the vendor's acceptance.</item>
/// <item>Reads the whole answer into memory, within the call's deadline, up to <c>maxResponseBytes</c>: past it
/// the connection is dropped and <see cref="ResponseTooLargeException"/> thrown, so a server cannot exhaust memory
/// or stall a call by trickling its body.</item>
/// <item>Masks in the answer's body and headers every secret the client holds and the request carried, so an
/// echo cannot carry them into exception messages, logs or output.</item>
/// </list>
/// </summary>
public sealed class WireHandler : DelegatingHandler
{
    private readonly string _vendor;
    private readonly long _maxResponseBytes;
    private readonly ClientSecrets _secrets;

    /// <summary>Creates the handler.</summary>
    /// <param name="vendor">Vendor name for the errors.</param>
    /// <param name="maxResponseBytes">The largest answer body read, in bytes.</param>
    /// <param name="secrets">The client's secrets, masked in every answer; the request's bearer token and declared secrets are added per request.</param>
    public WireHandler(string vendor, long maxResponseBytes, ClientSecrets? secrets = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResponseBytes, 1);
        _vendor = vendor;
        _maxResponseBytes = maxResponseBytes;
        _secrets = secrets ?? new ClientSecrets([]);
    }

    /// <summary>
    /// True when <paramref name="failure"/>, thrown by the transport, happened before any byte of the request was
    /// written (no connection could be made): a connect or name resolution that failed, or an unwrapped
    /// <see cref="SocketException"/> whose error can only mean no connection (SocketsHttpHandler lets one through
    /// while setting up a connection: a reset while connecting surfaces as NotConnected). A reset, abort or timeout
    /// may come after the request went out (another transport need not wrap it), so it is not one of them.
    /// </summary>
    public static bool FailedBeforeWriting(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure switch
        {
            HttpRequestException wrapped => wrapped.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
            SocketException socket => socket.SocketErrorCode is SocketError.NotConnected or SocketError.ConnectionRefused
                or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NetworkDown
                or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable,
            _ => false,
        };
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var record = CallRecord.Of(request);
        if (request.Content is null && !VendorOperation.IsIdempotentRequest(request))
        {
            // SocketsHttpHandler silently sends a body-less request again (up to three times, on new connections)
            // when a connection closes after taking it and before any answer; for a GET that sends an SMS, each
            // replay is another SMS. It never replays a request with a body: an empty one (Content-Length: 0)
            // turns the replay off without changing what the vendor reads.
            request.Content = new ByteArrayContent([]);
        }
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (FailedBeforeWriting(failure))
        {
            throw;
        }
        catch
        {
            record.MarkMayHaveReachedVendor();
            throw;
        }

        if (response.StatusCode != HttpStatusCode.TooManyRequests)
            record.MarkMayHaveReachedVendor();

        try
        {
            var scrubber = ScrubberFor(request, record);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 and not 304)
                throw new RedirectRefusedException(_vendor, status, scrubber.Scrub(response.Headers.Location?.OriginalString));

            await ReadBodyAsync(response, scrubber, record, cancellationToken).ConfigureAwait(false);
            ScrubHeaders(response, scrubber);
            return response;
        }
        catch
        {
            // Drops the connection when the body was not read to its end.
            response.Dispose();
            throw;
        }
    }

    private SecretScrubber ScrubberFor(HttpRequestMessage request, CallRecord record)
    {
        var credential = request.Headers.Authorization?.Parameter;
        if (credential is null)
            return _secrets.With(record.Secrets);
        return _secrets.With(credential, record.Secrets);
    }

    private async Task ReadBodyAsync(HttpResponseMessage response, SecretScrubber scrubber, CallRecord record, CancellationToken cancellationToken)
    {
        var content = response.Content;
        var status = (int)response.StatusCode;
        if (content.Headers.ContentLength > _maxResponseBytes)
            throw new ResponseTooLargeException(_vendor, _maxResponseBytes, status, record.Delivery);

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var read = content.Headers.ContentLength is { } declared
                ? await ReadDeclaredAsync(stream, declared, cancellationToken).ConfigureAwait(false)
                : await ReadUndeclaredAsync(stream, status, record, cancellationToken).ConfigureAwait(false);
            var body = scrubber.Scrub(read);
            var buffered = new AnswerContent(body);
            foreach (var header in content.Headers.NonValidated)
            {
                if (header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    continue;
                if (header.Value.Count == 1)
                    buffered.Headers.TryAddWithoutValidation(header.Key, scrubber.Scrub(header.Value.ToString()));
                else
                    buffered.Headers.TryAddWithoutValidation(header.Key, header.Value.Select(v => scrubber.Scrub(v)));
            }
            buffered.Headers.ContentLength = body.Count;
            ResponseCapture.Current?.Keep(status, body);
            content.Dispose();
            response.Content = buffered;
        }
    }

    /// <summary>
    /// A body whose length was declared (and checked against the limit): read into an array of that size. A ValueTask:
    /// a body already in memory is read without a task per answer.
    /// </summary>
    private static async ValueTask<ArraySegment<byte>> ReadDeclaredAsync(Stream stream, long length, CancellationToken cancellationToken)
    {
        var bytes = new byte[length];
        var read = 0;
        while (read < bytes.Length)
        {
            var got = await stream.ReadAsync(bytes.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (got == 0)
                break; // the transport reports a body cut short itself
            read += got;
        }
        return new ArraySegment<byte>(bytes, 0, read);
    }

    /// <summary>A body of unknown length (chunked, or until the connection closes): read until its end or past the limit.</summary>
    private async ValueTask<ArraySegment<byte>> ReadUndeclaredAsync(Stream stream, int status, CallRecord record, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
                if (buffer.Length + read > _maxResponseBytes)
                    throw new ResponseTooLargeException(_vendor, _maxResponseBytes, status, record.Delivery);
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static void ScrubHeaders(HttpResponseMessage response, SecretScrubber scrubber)
    {
        if (scrubber.IsEmpty)
            return;
        List<(string Name, string[] Values)>? changed = null;
        foreach (var header in response.Headers.NonValidated)
        {
            // Most answers carry no secret: look before copying anything.
            var holdsSecret = false;
            foreach (var value in header.Value)
                holdsSecret |= !ReferenceEquals(scrubber.Scrub(value), value);
            if (holdsSecret)
                (changed ??= []).Add((header.Key, [.. header.Value.Select(v => scrubber.Scrub(v))]));
        }
        if (changed is null)
            return;
        foreach (var (name, values) in changed)
        {
            response.Headers.Remove(name);
            response.Headers.TryAddWithoutValidation(name, values);
        }
    }
}
