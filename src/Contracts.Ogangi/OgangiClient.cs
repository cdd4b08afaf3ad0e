using Contracts.Core.Http;
using Contracts.Core.Telemetry;
using Contracts.Ogangi.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contracts.Ogangi;

/// <summary>
/// Client for the Ogangi (Messangi) Campaign Manager REST API. The operations of the contract are generated and take
/// the path values as Ogangi writes them (Base64url, <c>null</c> literals); the friendly methods
/// (<see cref="SendSmsAsync(string, string, string, string?, CancellationToken)"/>, <see cref="SendMtAsync(string, string, string, string?, string?, CancellationToken)"/>,
/// <see cref="SendPinAsync"/>, <see cref="FireMessageAsync(string, string, CancellationToken)"/>,
/// <see cref="FireMessageAsync(FireMessageDescriptor, CancellationToken)"/>, <see cref="GetMoMessagesAsync(int, int, OgangiMoFilter?, CancellationToken)"/>)
/// take plain values, check them, encode them and return typed results.
/// </summary>
/// <remarks>
/// A client built with <see cref="OgangiClientOptions"/> signs every call, generated operations included: it writes
/// the configured public key and the signature in the last two path segments, whatever was passed for them. Every
/// path value is escaped so that it stays one segment (<see cref="OgangiPathSegment"/>). Thread-safe: share one
/// instance. <c>new OgangiClient(options)</c> owns its connections and must be disposed; with
/// <c>services.AddOgangiClient(...)</c> the container owns them.
/// </remarks>
public partial class OgangiClient : IDisposable
{
    /// <summary>User-agent product name sent with every request.</summary>
    public const string ProductName = "Contracts.Ogangi";

    private readonly OgangiClientOptions? _options;
    private readonly OgangiSigner? _signer;
    private readonly string? _publicKey;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly OwnedHttpClients? _connections;

    /// <summary>Creates a client that signs its calls with the keys in <paramref name="options"/>.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message names it.</exception>
    public OgangiClient(OgangiClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(options, transport: null, loggerFactory)
    {
    }

    /// <summary>
    /// Creates a client over a transport of your own (an in-memory handler in tests, a custom socket handler).
    /// The transport is not disposed with the client.
    /// </summary>
    public OgangiClient(OgangiClientOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory = null)
        : this(BuildPipeline(options, transport, out var connections), options, loggerFactory?.CreateLogger<OgangiClient>())
    {
        _connections = connections;
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> you configured yourself (as <c>AddOgangiClient</c> does); its
    /// base address must end with '/'. Not disposed with the client.
    /// </summary>
    public OgangiClient(HttpClient httpClient, OgangiClientOptions options, ILogger<OgangiClient>? logger)
        : this(httpClient, options, (ILogger?)logger)
    {
    }

    private OgangiClient(HttpClient httpClient, OgangiClientOptions options, ILogger? logger)
        : this(httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _options = options;
        _signer = new OgangiSigner(options.PrivateKey);
        _publicKey = options.PublicKey;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Disposes the connections this client created; a container's or caller's HttpClient is left alone.</summary>
    public void Dispose()
    {
        _connections?.Dispose();
        GC.SuppressFinalize(this);
    }

    private long InstanceId => _options?.InstanceId
        ?? throw new InvalidOperationException("This OgangiClient was created from an HttpClient alone: the friendly methods need OgangiClientOptions (instance id and keys).");

    private static HttpClient BuildPipeline(OgangiClientOptions options, HttpMessageHandler? transport, out OwnedHttpClients connections)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        connections = new OwnedHttpClients(transport);
        return connections.Create(options, ProductName);
    }

    /// <summary>
    /// Sends one call and reads its answer: the result when Ogangi says OK, otherwise an <see cref="OgangiException"/>
    /// naming the method, whatever the HTTP status.
    /// </summary>
    private async Task<T> CallAsync<T>(string method, Func<Task<FileResponse>> send, Func<OgangiAnswer, T> readResult, CancellationToken cancellationToken)
    {
        // Ogangi refuses in the body of an HTTP 200 answer too: the call's span waits for the body's verdict.
        using var scope = VendorCallScope.Begin();
        FileResponse file;
        try
        {
            file = await send().ConfigureAwait(false);
        }
        catch (OgangiException refused)
        {
            throw Logged(refused.ForMethod(method));
        }

        using (file)
        {
            var read = await OgangiAnswer.ReadAsync(file.Stream, OgangiException.ContentTypeOf(file.Headers), cancellationToken).ConfigureAwait(false);
            if (read.Answer is { Status: OgangiStatus.Ok } answer)
            {
                OgangiLog.Completed(_logger, method);
                return readResult(answer);
            }
            throw Logged(new OgangiException(method, file.StatusCode, read, file.Headers, innerException: null));
        }
    }

    /// <summary>
    /// <see cref="CallAsync"/> for a method whose OK answer must carry a result: when <paramref name="missing"/> says
    /// what the result lacks, the call fails with <see cref="Contracts.Core.UnreadableAnswerException"/> carrying the answer's body,
    /// rather than returning an empty result.
    /// </summary>
    private async Task<T> CallRequiringAsync<T>(string method, Func<Task<FileResponse>> send, Func<OgangiAnswer, T> readResult, Func<T, string?> missing, CancellationToken cancellationToken)
    {
        using var capture = ResponseCapture.Begin();
        var result = await CallAsync(method, send, readResult, cancellationToken).ConfigureAwait(false);
        if (missing(result) is { } reason)
            throw new Contracts.Core.UnreadableAnswerException(OgangiException.VendorName, method, reason, capture);
        return result;
    }

    private OgangiException Logged(OgangiException error)
    {
        var method = error.Method ?? "call";
        switch (error.Status)
        {
            case OgangiStatus.BadSignature:
                OgangiLog.BadSignature(_logger, method);
                break;
            case OgangiStatus.Unreadable:
                OgangiLog.Unreadable(_logger, method, error.StatusCode);
                break;
            default:
                OgangiLog.Refused(_logger, method, error.ErrorCode, error.StatusCode);
                break;
        }
        return error;
    }
}
