using Microsoft.Extensions.Logging;

namespace Contracts.Core.Http;

/// <summary>
/// What a vendor's client is made of, whichever way it was built: the HttpClient that carries the account's pipeline,
/// the account's options, where its logs go, its clock, and the connections it owns (only when built with
/// <c>new XxxClient(options)</c>; a container's are the container's). <see cref="VendorClientRegistration{TInterface, TClient, TOptions}"/>
/// builds them for both ways of construction.
/// </summary>
/// <typeparam name="TOptions">The client's options.</typeparam>
/// <param name="http">The account's HttpClient.</param>
/// <param name="options">The account's validated options.</param>
/// <param name="loggerFactory">Where the client's logs go.</param>
/// <param name="timeProvider">The clock.</param>
/// <param name="owned">The connections the client disposes with itself; null when a container owns them.</param>
public sealed class VendorClientParts<TOptions>(HttpClient http, TOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider, IDisposable? owned)
    where TOptions : VendorClientOptions
{
    /// <summary>The account's HttpClient: the SDK's pipeline, the vendor's authentication or signing, a base address ending with '/'.</summary>
    public HttpClient Http { get; } = http;

    /// <summary>The account's validated options.</summary>
    public TOptions Options { get; } = options;

    /// <summary>Where the client's logs go.</summary>
    public ILoggerFactory LoggerFactory { get; } = loggerFactory;

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>The connections the client disposes with itself; null when a container owns them.</summary>
    public IDisposable? Owned { get; } = owned;
}
