using Contracts.Core.Batching;
using Contracts.Onc;

namespace Contracts.Cli.Onc;

/// <summary>What happened to one contact of a run, as printed and as JSON.</summary>
/// <param name="Id">The contact's ID (from the file, or the one notify gave it).</param>
/// <param name="Destinations">Where it can be reached, e.g. "sms +15550100001".</param>
/// <param name="Outcome">Accepted, Rejected, Unknown or NotAttempted.</param>
/// <param name="Kind">Why, in a word (InvalidInput, VendorRejected, AuthenticationFailed, ...); null when accepted.</param>
/// <param name="ErrorCode">ONC's error code, when it answered one.</param>
/// <param name="Reason">Why, in a sentence; null when accepted.</param>
internal sealed record ContactOutcome(Guid Id, string Destinations, string Outcome, string? Kind, string? ErrorCode, string? Reason)
{
    public static ContactOutcome Of(OutboundNotificationContactInfo contact, BatchChunkResult<OutboundNotificationContactInfo> result)
        => new(contact.Id, ContactFile.Describe(contact), result.Outcome.ToString(), result.Failure?.Kind.ToString(), result.Failure?.ErrorCode, result.Failure?.Reason);
}
