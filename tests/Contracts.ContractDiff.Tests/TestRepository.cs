namespace Contracts.ContractDiff.Tests;

/// <summary>The repository these tests run in: its real contracts, and the redocly that build/install-tools installs (build/test runs it first).</summary>
internal static class TestRepository
{
    public static string Root { get; } = FindRoot();

    /// <summary>build/node_modules/.bin/redocly; a clear failure, not a skip, when it is missing: the OpenAPI half of the report depends on it.</summary>
    public static string Redocly
    {
        get
        {
            var path = Path.Combine(Root, "build", "node_modules", ".bin", "redocly");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: run 'bash build/install-tools' (build/test does) before these tests.");
        }
    }

    /// <summary>The text of a real contract, e.g. "contracts/engage/engage.openapi.yaml".</summary>
    public static string Contract(string path) => File.ReadAllText(Path.Combine(Root, path));

    /// <summary>The text of one of this project's own small contracts (Contracts/ beside the tests).</summary>
    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contracts", name));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Contracts.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("Contracts.sln not found above " + AppContext.BaseDirectory);
    }
}
