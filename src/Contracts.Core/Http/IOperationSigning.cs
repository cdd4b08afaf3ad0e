namespace Contracts.Core.Http;

/// <summary>
/// A client's signing step: <see cref="OperationSender"/> hands it every request description before the request is
/// built, and it fills the path values the contract leaves to signing (<c>x-filled-by: signing</c>, see
/// <see cref="OperationRequest.FilledBySigning"/>) from the values the description marks as signed
/// (<see cref="OperationRequest.SignedValues"/>). The route is never parsed back: the description still holds every
/// value as the caller gave it.
/// </summary>
public interface IOperationSigning
{
    /// <summary>Fills <paramref name="request"/>'s signing values (<see cref="OperationRequest.FillSigned"/>).</summary>
    void Sign(OperationRequest request);
}
