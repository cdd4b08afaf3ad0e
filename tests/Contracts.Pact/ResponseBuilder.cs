using System.Net;
using Contracts.Pacts.Native;

namespace Contracts.Pacts;

/// <summary>Describes the response of an interaction: status, headers, body. The mock server sends the examples.</summary>
public sealed class ResponseBuilder : InteractionPartBuilder<ResponseBuilder>
{
    internal ResponseBuilder(Interaction interaction)
        : base(interaction, PactFfi.InteractionPart.Response)
    {
    }

    /// <summary>The HTTP status. Default 200.</summary>
    public ResponseBuilder WithStatus(HttpStatusCode status) => WithStatus((int)status);

    /// <inheritdoc cref="WithStatus(HttpStatusCode)"/>
    public ResponseBuilder WithStatus(int status)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        Interaction.ThrowIfSealed();
        Interaction.Check(PactFfi.ResponseStatus(Interaction.Handle, (ushort)status), $"response status {status}");
        return this;
    }
}
