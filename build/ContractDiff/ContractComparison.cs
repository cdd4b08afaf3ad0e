namespace Contracts.ContractDiff;

/// <summary>How one contract differs between the base revision and the working tree.</summary>
/// <param name="Contract">The contract's repository-relative path.</param>
/// <param name="Changes">Every change, breaking ones first.</param>
/// <param name="DocumentationChanges">Changes to descriptions, summaries, examples and tags only, counted rather than listed.</param>
internal sealed record ContractComparison(string Contract, IReadOnlyList<ContractChange> Changes, int DocumentationChanges)
{
    public bool IsUnchanged => Changes.Count == 0 && DocumentationChanges == 0;
}
