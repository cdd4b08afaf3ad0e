namespace Contracts.Core.Http;

/// <summary>
/// Names the SDK's package and version in every request's <c>User-Agent</c> (<c>Contracts.Onc/1.2.3</c>), after any
/// product already there, and once only.
/// </summary>
/// <remarks>
/// Kiota's <c>UserAgentHandler</c> did this before: on every request it looked up a request option, built and
/// validated a <c>ProductInfoHeaderValue</c>, searched the header for it, and ran as one more layer inside the retry
/// loop. Here the text is made once per client and the handler sits outside the retries (each attempt sends the same
/// message), adds no async layer of its own, and writes the header without parsing it.
/// </remarks>
internal sealed class ProductUserAgentHandler : DelegatingHandler
{
    private const string UserAgentHeader = "User-Agent";

    private readonly string _product;

    /// <summary>Creates the handler for <paramref name="productName"/> at the version of this package.</summary>
    public ProductUserAgentHandler(string productName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productName);
        var version = typeof(ProductUserAgentHandler).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        _product = productName + "/" + version;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Names(request))
            request.Headers.TryAddWithoutValidation(UserAgentHeader, _product);
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// Whether the request names this product already (a message sent through the pipeline twice): as a whole product
    /// of the header, not inside another one (<c>Acme-Contracts.Onc/1.2.3</c> is the caller's product, not the SDK's).
    /// </summary>
    private bool Names(HttpRequestMessage request)
    {
        if (!request.Headers.NonValidated.TryGetValues(UserAgentHeader, out var values))
            return false;
        foreach (var value in values)
        {
            foreach (var product in value.AsSpan().Split(' '))
            {
                if (value.AsSpan(product).SequenceEqual(_product))
                    return true;
            }
        }
        return false;
    }
}
