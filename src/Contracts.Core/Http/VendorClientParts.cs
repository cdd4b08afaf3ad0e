using Microsoft.Extensions.Logging;

namespace Contracts.Core.Http;

/// <summary>
/// What a vendor's client is made of, whichever way it was built: the account's pipeline (as an HttpClient, or as a
/// handler for a client that builds its own HttpClient, such as WCF's), the account's options, where its logs go,
/// its clock, and the connections it owns (only when built with <c>new XxxClient(options)</c>; a container's are the
/// container's). <see cref="VendorClientRegistration{TInterface, TClient, TOptions}"/> builds them for both ways of
/// construction.
/// </summary>
/// <typeparam name="TOptions">The client's options.</typeparam>
public sealed class VendorClientParts<TOptions>
    where TOptions : VendorClientOptions
{
    private readonly Func<HttpClient> _createHttp;
    private readonly Func<HttpMessageHandler> _createHandler;
    private HttpClient? _http;
    private HttpMessageHandler? _handler;

    /// <summary>Parts around an HttpClient made already.</summary>
    /// <param name="http">The account's HttpClient.</param>
    /// <param name="options">The account's validated options.</param>
    /// <param name="loggerFactory">Where the client's logs go.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="owned">The connections the client disposes with itself; null when a container owns them.</param>
    public VendorClientParts(HttpClient http, TOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider, IDisposable? owned)
        : this(() => http, () => throw new InvalidOperationException("These parts hold an HttpClient, not a handler."), options, loggerFactory, timeProvider, owned)
    {
        ArgumentNullException.ThrowIfNull(http);
    }

    /// <summary>Parts whose pipeline is made when the client first asks for it, as an HttpClient or as a handler.</summary>
    internal VendorClientParts(Func<HttpClient> createHttp, Func<HttpMessageHandler> createHandler, TOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider, IDisposable? owned)
    {
        _createHttp = createHttp;
        _createHandler = createHandler;
        Options = options;
        LoggerFactory = loggerFactory;
        TimeProvider = timeProvider;
        Owned = owned;
    }

    /// <summary>The account's HttpClient: the SDK's pipeline, the vendor's authentication or signing, a base address ending with '/'.</summary>
    public HttpClient Http => _http ??= _createHttp();

    /// <summary>
    /// The account's pipeline as its outermost handler, for a client that builds its own HttpClient over a handler
    /// (WCF's): the same handlers as <see cref="Http"/>. A client takes one or the other; neither is disposed by it
    /// (what it owns is in <see cref="Owned"/>).
    /// </summary>
    public HttpMessageHandler Handler => _handler ??= _createHandler();

    /// <summary>The account's validated options.</summary>
    public TOptions Options { get; }

    /// <summary>Where the client's logs go.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The connections the client disposes with itself; null when a container owns them.</summary>
    public IDisposable? Owned { get; }
}
