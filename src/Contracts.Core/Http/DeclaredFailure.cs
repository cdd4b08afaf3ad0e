using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Core.Http;

/// <summary>A failure status the contract declares for an operation and what it means.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Description">The contract's description of that answer.</param>
internal record DeclaredFailure(int Status, string Description)
{
    /// <summary>The exception this answer becomes, through the client's table.</summary>
    public virtual Exception ToException(VendorFailure failure, byte[] body, IVendorErrorTable table) => table.Create(failure);
}

/// <summary>A declared failure whose body the contract types as <typeparamref name="TResult"/>.</summary>
internal sealed record DeclaredFailure<TResult>(int Status, string Description, JsonTypeInfo<TResult> Info) : DeclaredFailure(Status, Description)
{
    /// <inheritdoc />
    public override Exception ToException(VendorFailure failure, byte[] body, IVendorErrorTable table)
    {
        TResult? result;
        try
        {
            result = body.Length == 0 ? default : JsonSerializer.Deserialize(body, Info);
        }
        catch (JsonException)
        {
            // Not the declared shape: the client's table still reads what it can from the raw body.
            return table.Create(failure);
        }
        return result is null ? table.Create(failure) : table.Create(failure, result);
    }
}
