using Contracts.Core.Http;

namespace Contracts.Accengage;

/// <summary>
/// Accengage's one error table: every status gives an <see cref="AccengageException"/> carrying the labels and
/// messages of Accengage's error body and its X-Request-Id (declared by the contract or not); a declared failure whose
/// body was read gives <see cref="AccengageException{TResult}"/> with that body.
/// </summary>
internal sealed class AccengageErrorTable : IVendorErrorTable
{
    public Exception Create(VendorFailure failure)
        => new AccengageException(failure.Summary, failure.StatusCode, failure.Body, failure.Headers, failure.InnerException);

    public Exception Create<TResult>(VendorFailure failure, TResult result)
        => new AccengageException<TResult>(failure.Summary, failure.StatusCode, failure.Body, failure.Headers, result, failure.InnerException);
}
