namespace Contracts.Core.Http;

/// <summary>
/// A client's one table from a failed answer to the vendor's typed exception. <see cref="OperationSender"/> calls it
/// for every answer that is not a success of its operation, declared by the contract or not, with the bounded body
/// already read, so the vendor's error code, message and request id reach the exception whatever the status.
/// </summary>
public interface IVendorErrorTable
{
    /// <summary>The exception for <paramref name="failure"/> (an undeclared status, or a declared one without a typed body).</summary>
    Exception Create(VendorFailure failure);

    /// <summary>The exception for a declared failure whose body was read as <paramref name="result"/>.</summary>
    Exception Create<TResult>(VendorFailure failure, TResult result);
}
