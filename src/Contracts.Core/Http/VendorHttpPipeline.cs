using System.Net;
using Contracts.Core.Security;
using Contracts.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Contracts.Core.Http;

/// <summary>
/// The one HTTP pipeline every vendor client uses, outermost first:
/// <see cref="CallDeadlineHandler"/> (the whole call within Timeout, typed errors) -> <see cref="ProductUserAgentHandler"/>
/// -> <see cref="IdempotentRetryHandler"/> -> the vendor's authentication handler -> the vendor's signing handler -> <see cref="WireHandler"/>
/// (no redirects, bounded and scrubbed answers) -> the transport.
/// </summary>
/// <remarks>
/// The deadline sits outside everything so that token waits, retries and body reads all count against it. Signing
/// sits inside retry so that each attempt is signed with its own time and bytes. No redirect is ever followed, so
/// neither a token nor a signature nor a body can be re-sent to another origin. Tracing is the SDK's own
/// (<see cref="VendorTelemetry"/>): the transport makes no span, since HttpClient's would carry the URL.
/// </remarks>
public static class VendorHttpPipeline
{
    /// <summary>Builds the ordered handler list for a client.</summary>
    public static IReadOnlyList<DelegatingHandler> CreateHandlers(
        VendorClientOptions options,
        string productName,
        DelegatingHandler? authentication = null,
        DelegatingHandler? signing = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handlers = new List<DelegatingHandler>
        {
            new CallDeadlineHandler(options.VendorName, options.Timeout, VendorTelemetry.For(productName)),
            new ProductUserAgentHandler(productName),
            new IdempotentRetryHandler(options.VendorName, options.MaxRetries, options.RetryDelay),
        };
        if (authentication is not null)
            handlers.Add(authentication);
        if (signing is not null)
            handlers.Add(signing);
        handlers.Add(CreateWireHandler(options));
        return handlers;
    }

    /// <summary>
    /// Creates an <see cref="HttpClient"/> over <paramref name="transport"/> (a new pooled socket handler when null)
    /// with the handlers of <see cref="CreateHandlers"/> and the options' base address. The client's own timeout is
    /// off: <see cref="CallDeadlineHandler"/> bounds the whole call, body included.
    /// </summary>
    public static HttpClient CreateHttpClient(
        VendorClientOptions options,
        Uri baseAddress,
        IReadOnlyList<DelegatingHandler> handlers,
        HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handlers);
        var ownsTransport = transport is null;
        transport ??= CreateTransport();
        var first = Chain(handlers, transport);
        // A transport the caller brought (tests, benchmarks, one shared by a vendor's token and API clients)
        // outlives this client: disposing the chain would dispose it too.
        return new HttpClient(first, disposeHandler: ownsTransport)
        {
            BaseAddress = WithTrailingSlash(baseAddress),
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>
    /// Links <paramref name="handlers"/> (outermost first) in front of <paramref name="transport"/> and returns the
    /// outermost handler, for a client that takes a handler rather than an <see cref="HttpClient"/> (WCF's SOAP client).
    /// </summary>
    public static HttpMessageHandler Chain(IReadOnlyList<DelegatingHandler> handlers, HttpMessageHandler transport)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(transport);
        var first = transport;
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = first;
            first = handlers[i];
        }
        return first;
    }

    /// <summary>
    /// Adds the same pipeline to a client registered with IHttpClientFactory, over a transport that follows no
    /// redirect (the factory's default one would follow them before any handler could refuse).
    /// </summary>
    /// <param name="builder">The registration.</param>
    /// <param name="getOptions">Reads the client's options from the container.</param>
    /// <param name="productName">User-agent product name, e.g. Contracts.Engage.</param>
    /// <param name="authentication">Creates the vendor's authentication handler, or null.</param>
    /// <param name="signing">Creates the vendor's signing handler, or null.</param>
    public static IHttpClientBuilder AddVendorPipeline(
        this IHttpClientBuilder builder,
        Func<IServiceProvider, VendorClientOptions> getOptions,
        string productName,
        Func<IServiceProvider, DelegatingHandler>? authentication = null,
        Func<IServiceProvider, DelegatingHandler>? signing = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(getOptions);
        builder.ConfigurePrimaryHttpMessageHandler(CreateTransport);
        // IHttpClientFactory's own loggers write each request's URL ("Sending HTTP request GET {url}"): Ogangi's
        // signed path, keys and phone numbers. The SDK's log events (which carry none) replace them.
        builder.RemoveAllLoggers();
        builder.AddHttpMessageHandler(sp => new CallDeadlineHandler(getOptions(sp).VendorName, getOptions(sp).Timeout, VendorTelemetry.For(productName)));
        builder.AddHttpMessageHandler(() => new ProductUserAgentHandler(productName));
        builder.AddHttpMessageHandler(sp => new IdempotentRetryHandler(getOptions(sp).VendorName, getOptions(sp).MaxRetries, getOptions(sp).RetryDelay));
        if (authentication is not null)
            builder.AddHttpMessageHandler(authentication);
        if (signing is not null)
            builder.AddHttpMessageHandler(signing);
        builder.AddHttpMessageHandler(sp => CreateWireHandler(getOptions(sp)));
        return builder;
    }

    /// <summary>
    /// Sets an HttpClient's base address (with the trailing '/' relative routes need) from the options, and turns
    /// its own timeout off: <see cref="CallDeadlineHandler"/> applies the options' Timeout to the whole call.
    /// </summary>
    public static void Configure(HttpClient http, VendorClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        http.BaseAddress = WithTrailingSlash(options.ResolveBaseUrl());
        http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
    }

    /// <summary>
    /// The socket handler used when the caller brings none: pooled connections recycled every few minutes so DNS
    /// changes are seen, and no redirect followed (<see cref="WireHandler"/> refuses them).
    /// </summary>
    public static SocketsHttpHandler CreateTransport() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
        AllowAutoRedirect = false,
        // A response disposed before its end (one too large, a refused redirect) closes its connection at once
        // instead of reading on to reuse it.
        MaxResponseDrainSize = 0,
        // No propagator: SocketsHttpHandler then leaves its DiagnosticsHandler out of its chain, so HttpClient makes
        // no span of its own (System.Net.Http's carries url.full, and Ogangi signs its path: public key, a replayable
        // signature, the phone number and the text) and writes no traceparent to the vendor. The call's span is the
        // SDK's own (CallDeadlineHandler), which names the route template instead.
        ActivityHeadersPropagator = null,
    };

    private static WireHandler CreateWireHandler(VendorClientOptions options)
        => new(options.VendorName, options.MaxResponseBytes, new ClientSecrets(options.Secrets()));

    private static Uri WithTrailingSlash(Uri uri)
        => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
