namespace Contracts.Core.Http;

/// <summary>What a vendor's own handlers and hooks tell the shared pipeline about a request.</summary>
public static class VendorRequest
{
    /// <summary>
    /// Declares <paramref name="secret"/> (a signature, a public key, a session id written into the request) a
    /// secret of this request: wherever the answer echoes it — body, headers, a redirect's location — it is masked
    /// before anyone reads it, so it cannot reach an exception message, a log or the CLI's output.
    /// </summary>
    public static void AddSecret(HttpRequestMessage request, string? secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrEmpty(secret))
            CallRecord.Of(request).AddSecret(secret);
    }
}
