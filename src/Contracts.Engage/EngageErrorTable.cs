using Contracts.Core.Http;

namespace Contracts.Engage;

/// <summary>
/// ENGAGE's one error table: every status gives an <see cref="EngageException"/> carrying ENGAGE's message,
/// errorCode and requestId read from the body (declared by the contract or not); a declared failure whose body was
/// read gives <see cref="EngageException{TResult}"/> with that body.
/// </summary>
internal sealed class EngageErrorTable : IVendorErrorTable
{
    public Exception Create(VendorFailure failure)
        => new EngageException(failure.Summary, failure.StatusCode, failure.Body, failure.Headers, failure.InnerException);

    public Exception Create<TResult>(VendorFailure failure, TResult result)
        => new EngageException<TResult>(failure.Summary, failure.StatusCode, failure.Body, failure.Headers, result, failure.InnerException);
}
