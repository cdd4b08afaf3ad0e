namespace Contracts.ContractDiff;

/// <summary>Every contract's comparison with the base, judged against the acknowledgements.</summary>
internal sealed class ContractDiffReport(string baseLabel, IReadOnlyList<ContractComparison> comparisons, Acknowledgements acknowledgements)
{
    /// <summary>What the contracts are compared with, as the report says it.</summary>
    public string BaseLabel { get; } = baseLabel;

    public IReadOnlyList<ContractComparison> Comparisons { get; } = comparisons;

    public Acknowledgements Acknowledgements { get; } = acknowledgements;

    public IEnumerable<ContractChange> Changes => Comparisons.SelectMany(c => c.Changes);

    /// <summary>The breaking changes no acknowledgement lets through: any of them fails the check.</summary>
    public IReadOnlyList<ContractChange> Unacknowledged => Changes.Where(c => c.IsBreaking && Acknowledgements.For(c) is null).ToList();

    /// <summary>Acknowledgements that match no breaking change: reported, so that they are removed rather than kept by habit.</summary>
    public IReadOnlyList<Acknowledgement> Stale => Acknowledgements.Stale(Changes);

    /// <summary>0 when every breaking change is acknowledged, 1 otherwise.</summary>
    public int ExitCode => Unacknowledged.Count == 0 ? 0 : 1;
}
