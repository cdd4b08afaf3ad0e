namespace Contracts.Core.Http;

/// <summary>
/// An answer that is not a success of its operation, as <see cref="OperationSender"/> hands it to the client's
/// <see cref="IVendorErrorTable"/>: the status, what the contract says it means, and the bounded body (already
/// scrubbed of the request's secrets by the pipeline, and of the call's personal values by the send path; its headers
/// too).
/// </summary>
/// <param name="OperationId">The contract's operation id.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Summary">What the contract says the status means, or the SDK's words for a status it does not declare.</param>
/// <param name="Body">The answer's body as text; empty when it had none.</param>
/// <param name="Headers">The answer's headers, content headers included (scrubbed as the body is).</param>
/// <param name="InnerException">Why the answer could not be read, when a success answer could not.</param>
public sealed record VendorFailure(
    string OperationId,
    int StatusCode,
    string Summary,
    string Body,
    IReadOnlyDictionary<string, IEnumerable<string>> Headers,
    Exception? InnerException = null)
{
    /// <summary>
    /// The answer's header <paramref name="name"/>, matched in any case (an HTTP header name is), its values joined
    /// by ", "; null when the answer had none. What a vendor's exception reads beside the body (its content type,
    /// a request id).
    /// </summary>
    public string? Header(string name)
    {
        foreach (var (key, values) in Headers)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
                return string.Join(", ", values);
        }
        return null;
    }
}
