using Contracts.Core.Http;

namespace Contracts.Ogangi;

/// <summary>
/// Ogangi's one error table: whatever the HTTP status, the body is read for Ogangi's envelope (status and
/// description), and an answer that is not that envelope names what it is instead (an HTML page, malformed XML).
/// </summary>
internal sealed class OgangiErrorTable : IVendorErrorTable
{
    public Exception Create(VendorFailure failure)
        => OgangiException.FromBody(method: null, failure.StatusCode, failure.Body, failure.Headers, failure.InnerException);

    public Exception Create<TResult>(VendorFailure failure, TResult result) => Create(failure);
}
