using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Core.Http;

/// <summary>
/// A failure status the contract declares for an operation and what it means. A generated client builds each of its
/// declared failures once, in a static table, and hands an operation's set of them to
/// <see cref="OperationRequest.Fails(DeclaredFailure[])"/>: nothing about them is built again per call.
/// </summary>
public class DeclaredFailure
{
    private protected DeclaredFailure(int status, string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        Status = status;
        Description = description;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The contract's description of that answer.</summary>
    public string Description { get; }

    /// <summary>A declared failure with what it means and no typed body.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="description">The contract's description of that answer.</param>
    public static DeclaredFailure Of(int status, string description) => new(status, description);

    /// <summary>A declared failure whose body is read as <typeparamref name="TResult"/>.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="description">The contract's description of that answer.</param>
    /// <param name="info">The body's source-generated JSON metadata.</param>
    public static DeclaredFailure Of<TResult>(int status, string description, JsonTypeInfo<TResult> info)
        => new DeclaredFailure<TResult>(status, description, info);

    /// <summary>The exception this answer becomes, through the client's table.</summary>
    internal virtual Exception ToException(VendorFailure failure, byte[] body, IVendorErrorTable table) => table.Create(failure);
}

/// <summary>A declared failure whose body the contract types as <typeparamref name="TResult"/>.</summary>
internal sealed class DeclaredFailure<TResult> : DeclaredFailure
{
    private readonly JsonTypeInfo<TResult> _info;

    internal DeclaredFailure(int status, string description, JsonTypeInfo<TResult> info)
        : base(status, description)
    {
        ArgumentNullException.ThrowIfNull(info);
        _info = info;
    }

    /// <inheritdoc />
    internal override Exception ToException(VendorFailure failure, byte[] body, IVendorErrorTable table)
    {
        TResult? result;
        try
        {
            result = body.Length == 0 ? default : JsonSerializer.Deserialize(body, _info);
        }
        catch (JsonException)
        {
            // Not the declared shape: the client's table still reads what it can from the raw body.
            return table.Create(failure);
        }
        return result is null ? table.Create(failure) : table.Create(failure, result);
    }
}
