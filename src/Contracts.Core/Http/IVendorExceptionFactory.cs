namespace Contracts.Core.Http;

/// <summary>
/// Implemented by a vendor's exception type, so that Core's <see cref="VendorErrorTable{TException}"/> is the vendor's
/// one error table: each failed answer, declared by the contract or not, becomes that vendor's exception.
/// </summary>
public interface IVendorExceptionFactory
{
    /// <summary>The exception for <paramref name="failure"/> (an undeclared status, or a declared one without a typed body).</summary>
    static abstract Exception Create(VendorFailure failure);

    /// <summary>The exception for a declared failure whose body was read as <paramref name="result"/>.</summary>
    static abstract Exception Create<TResult>(VendorFailure failure, TResult result);
}
