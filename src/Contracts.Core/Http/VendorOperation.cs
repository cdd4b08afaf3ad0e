namespace Contracts.Core.Http;

/// <summary>
/// What the contract says about the operation a request belongs to: its id, its route template (never the route
/// with values, which may carry personal data or a signature) and whether sending it twice acts once. The
/// generated operations attach it to every request (<see cref="Key"/>); the pipeline's retry decision reads it.
/// </summary>
/// <param name="Id">The contract's operation id (e.g. <c>pushBatch</c>, <c>tools/sendSMS</c>).</param>
/// <param name="RouteTemplate">The route as the contract writes it, with <c>{placeholders}</c>.</param>
/// <param name="IsIdempotent">
/// True when sending the request twice has the effect of sending it once: GET, PUT, DELETE by default, and any
/// operation the contract marks <c>x-idempotent: true</c>; false for POST and for what the contract marks
/// <c>x-idempotent: false</c> (a GET that sends an SMS).
/// </param>
public sealed record VendorOperation(string Id, string RouteTemplate, bool IsIdempotent)
{
    /// <summary>Where a request carries its operation.</summary>
    public static readonly HttpRequestOptionsKey<VendorOperation> Key = new("Contracts.VendorOperation");

    /// <summary>
    /// Whether <paramref name="request"/> may be sent again after a failure that leaves its fate unknown: what its
    /// operation says, else what its method says (GET, HEAD, OPTIONS, PUT, DELETE yes; POST, PATCH no).
    /// </summary>
    public static bool IsIdempotentRequest(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(Key, out var operation))
            return operation.IsIdempotent;
        var method = request.Method;
        return method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Put || method == HttpMethod.Delete;
    }
}
