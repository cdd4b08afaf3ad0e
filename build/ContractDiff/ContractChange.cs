namespace Contracts.ContractDiff;

/// <summary>What happened to the thing a change is about.</summary>
internal enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// One difference between a contract at the base revision and in the working tree, classified for a client SDK:
/// breaking when code or data that worked against the base version can fail against the new one.
/// </summary>
/// <param name="Contract">The contract's repository-relative path (contracts/engage/engage.openapi.yaml).</param>
/// <param name="Kind">Whether the subject was added, removed or changed.</param>
/// <param name="Subject">What changed, readable: "POST /pets › response 200 › name", "type Contact › Email".</param>
/// <param name="Description">What happened, in a sentence.</param>
/// <param name="IsBreaking">Whether consumers of the regenerated client, or clients already deployed, can break.</param>
/// <param name="Why">Why it is (or is not) breaking, for whoever has to decide about it.</param>
/// <param name="Location">Where to look in the contract (line, pointer), when known.</param>
/// <param name="Identity">
/// The facts that identify this change independently of line numbers and wording: the acknowledgement id is a hash of
/// it, so the same change gets the same id on every run and machine.
/// </param>
internal sealed record ContractChange(
    string Contract,
    ChangeKind Kind,
    string Subject,
    string Description,
    bool IsBreaking,
    string Why,
    string? Location,
    string Identity)
{
    /// <summary>The stable id an acknowledgement names.</summary>
    public string Id { get; } = ChangeId.Of(Contract, Identity);
}
