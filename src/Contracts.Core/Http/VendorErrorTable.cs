namespace Contracts.Core.Http;

/// <summary>A client's one error table: every failed answer becomes <typeparamref name="TException"/>'s exception.</summary>
/// <typeparam name="TException">The vendor's exception type.</typeparam>
public sealed class VendorErrorTable<TException> : IVendorErrorTable
    where TException : IVendorExceptionFactory
{
    /// <summary>The table; it holds no state.</summary>
    public static readonly VendorErrorTable<TException> Instance = new();

    private VendorErrorTable()
    {
    }

    /// <inheritdoc />
    public Exception Create(VendorFailure failure) => TException.Create(failure);

    /// <inheritdoc />
    public Exception Create<TResult>(VendorFailure failure, TResult result) => TException.Create(failure, result);
}
