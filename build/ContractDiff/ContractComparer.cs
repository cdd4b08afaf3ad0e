using Contracts.ContractDiff.OpenApi;
using Contracts.ContractDiff.Wsdl;

namespace Contracts.ContractDiff;

/// <summary>
/// Compares every contract of a base tree with the same contract in a revision tree (both holding contracts/): a
/// contract only in the revision is added, one only in the base is removed, one in both is compared by kind
/// (OpenAPI through redocly, WSDL structurally).
/// </summary>
internal sealed class ContractComparer(OpenApiComparer openApi)
{
    public IReadOnlyList<ContractComparison> Compare(string baseRoot, string revisionRoot, string baseLabel)
    {
        var before = ContractFiles.In(baseRoot);
        var after = ContractFiles.In(revisionRoot);
        return before.Union(after, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(contract => Compare(contract, baseRoot, revisionRoot, baseLabel, before.Contains(contract), after.Contains(contract)))
            .ToList();
    }

    private ContractComparison Compare(string contract, string baseRoot, string revisionRoot, string baseLabel, bool inBase, bool inRevision)
    {
        var basePath = Path.Combine(baseRoot, contract);
        var revisionPath = Path.Combine(revisionRoot, contract);
        if (!inBase)
        {
            return new ContractComparison(contract, [new ContractChange(contract, ChangeKind.Added, "contract", "New contract.", false,
                "nothing depends on it yet", null, "contract|added")], 0);
        }
        if (!inRevision)
        {
            return new ContractComparison(contract, [new ContractChange(contract, ChangeKind.Removed, "contract", "Contract removed.", true,
                "every operation it described is gone for its clients", null, "contract|removed")], 0);
        }
        if (File.ReadAllBytes(basePath).AsSpan().SequenceEqual(File.ReadAllBytes(revisionPath)))
            return new ContractComparison(contract, [], 0);
        if (ContractFiles.IsOpenApi(contract))
            return openApi.Compare(contract, basePath, revisionPath);
        return WsdlComparer.Compare(contract, WsdlShapeReader.Read(basePath, $"{contract} at {baseLabel}"), WsdlShapeReader.Read(revisionPath, contract));
    }
}
