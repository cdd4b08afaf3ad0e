using Contracts.ContractDiff.OpenApi;

namespace Contracts.ContractDiff.Tests;

/// <summary>Two trees in a temporary folder, the base and the revision, each with a contracts/ folder, compared as build/contract-diff compares them.</summary>
internal sealed class ContractTrees : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("contract-diff-tests-");

    public string Base => Path.Combine(_folder.FullName, "base");

    public string Revision => Path.Combine(_folder.FullName, "revision");

    /// <summary>A base and a revision that hold <paramref name="contract"/> as <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static ContractTrees With(string contract, string before, string after)
    {
        var trees = new ContractTrees();
        trees.WriteBase(contract, before);
        trees.WriteRevision(contract, after);
        return trees;
    }

    /// <summary>Both trees hold every real contract of the repository, unchanged.</summary>
    public static ContractTrees WithRealContracts()
    {
        var trees = new ContractTrees();
        foreach (var contract in ContractFiles.In(TestRepository.Root))
        {
            trees.WriteBase(contract, TestRepository.Contract(contract));
            trees.WriteRevision(contract, TestRepository.Contract(contract));
        }
        return trees;
    }

    public void WriteBase(string contract, string text) => Write(Base, contract, text);

    public void WriteRevision(string contract, string text) => Write(Revision, contract, text);

    public IReadOnlyList<ContractComparison> Compare()
        => new ContractComparer(new OpenApiComparer(new RedoclyDiff(TestRepository.Redocly, TestRepository.Root))).Compare(Base, Revision, "the base");

    public ContractComparison Compare(string contract) => Compare().Single(c => c.Contract == contract);

    public void Dispose() => _folder.Delete(recursive: true);

    private static void Write(string root, string contract, string text)
    {
        var path = Path.Combine(root, contract);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
