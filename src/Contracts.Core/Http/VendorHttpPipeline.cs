using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Contracts.Core.Http;

/// <summary>
/// The one HTTP pipeline every vendor client uses, outermost first:
/// Kiota retry (429/503/504, honouring Retry-After) -> Kiota user agent -> the vendor's authentication handler
/// -> Kiota redirect -> the vendor's signing handler -> the transport.
/// </summary>
/// <remarks>
/// Authentication sits outside redirect so that a token is never re-attached to a request redirected to another
/// host (Kiota's redirect handler scrubs Authorization on a host change). Signing sits innermost so that it signs
/// the exact bytes and time of each attempt.
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
            new RetryHandler(CreateRetryOption(options)),
            new UserAgentHandler(CreateUserAgentOption(productName)),
        };
        if (authentication is not null)
            handlers.Add(authentication);
        handlers.Add(new RedirectHandler(new RedirectHandlerOption()));
        if (signing is not null)
            handlers.Add(signing);
        return handlers;
    }

    /// <summary>
    /// Creates an <see cref="HttpClient"/> over <paramref name="transport"/> (a new pooled socket handler when null)
    /// with the handlers of <see cref="CreateHandlers"/>, the options' base address and timeout.
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
            Timeout = options.Timeout,
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

    /// <summary>Adds the same pipeline to a client registered with IHttpClientFactory.</summary>
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
        builder.AddHttpMessageHandler(sp => new RetryHandler(CreateRetryOption(getOptions(sp))));
        builder.AddHttpMessageHandler(() => new UserAgentHandler(CreateUserAgentOption(productName)));
        if (authentication is not null)
            builder.AddHttpMessageHandler(authentication);
        builder.AddHttpMessageHandler(() => new RedirectHandler(new RedirectHandlerOption()));
        if (signing is not null)
            builder.AddHttpMessageHandler(signing);
        return builder;
    }

    /// <summary>Sets an HttpClient's base address (with the trailing '/' relative routes need) and timeout from the options.</summary>
    public static void Configure(HttpClient http, VendorClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        http.BaseAddress = WithTrailingSlash(options.ResolveBaseUrl());
        http.Timeout = options.Timeout;
    }

    /// <summary>The socket handler used when the caller brings none: pooled connections recycled every few minutes so DNS changes are seen.</summary>
    public static SocketsHttpHandler CreateTransport() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
        // Redirects are Kiota's job, so that its header scrubbing applies.
        AllowAutoRedirect = false,
    };

    /// <summary>
    /// Kiota's retry, but giving back the last response once the retries are spent instead of throwing an
    /// AggregateException, so the vendor client reports the vendor's status and body as for any other failure.
    /// </summary>
    private static RetryHandlerOption CreateRetryOption(VendorClientOptions options)
    {
        var maxRetries = options.MaxRetries;
        return new RetryHandlerOption
        {
            MaxRetry = maxRetries,
            Delay = (int)Math.Ceiling(options.RetryDelay.TotalSeconds),
            ShouldRetry = (_, attempt, response) => attempt < maxRetries && IsTransient(response.StatusCode),
        };
    }

    private static bool IsTransient(HttpStatusCode status)
        => status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static UserAgentHandlerOption CreateUserAgentOption(string productName) => new()
    {
        ProductName = productName,
        ProductVersion = typeof(VendorHttpPipeline).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
    };

    private static Uri WithTrailingSlash(Uri uri)
        => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
