using Contracts.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Contracts.Core.Authentication;

/// <summary>
/// The token provider of one account of a vendor with tokens: Core's lifecycle (<see cref="CachingAccessTokenProvider"/>)
/// over the vendor description's way of asking for a token. Tokens go only to the account's host; a refusal of the
/// token endpoint becomes <see cref="AccessTokenException"/> with the vendor's status, error code and message.
/// </summary>
internal sealed class VendorTokenProvider : CachingAccessTokenProvider
{
    private readonly Func<DateTimeOffset, CancellationToken, Task<AccessToken>> _acquire;
    private readonly string _vendorName;
    private readonly string _productName;

    public VendorTokenProvider(VendorClientOptions options, string productName, Func<DateTimeOffset, CancellationToken, Task<AccessToken>> acquire, TimeProvider timeProvider, ILogger logger)
        : base(timeProvider, (options as TokenClientOptions)?.TokenRefreshMargin, logger, [options.ResolveBaseUrl().Host])
    {
        _acquire = acquire;
        _vendorName = options.VendorName;
        _productName = productName;
    }

    protected override string VendorName => _vendorName;

    protected override VendorTelemetry Telemetry => VendorTelemetry.For(_productName);

    protected override async Task<AccessToken> AcquireTokenAsync(CancellationToken cancellationToken)
    {
        var token = await _acquire(TimeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        // Sent after "Bearer " in a header: a line break there would fail every call with an untyped FormatException
        // (counted as unknown delivery in a batch, though nothing left) for as long as the token is held.
        if (token.Value.AsSpan().ContainsAnyExceptInRange('!', '~'))
            throw new AccessTokenException(_vendorName, null, null, "the token endpoint issued a token that cannot be sent in an Authorization header (it holds a space, a line break or a character outside printable ASCII)", null, null);
        return token;
    }
}
