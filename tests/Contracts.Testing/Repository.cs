namespace Contracts.Testing;

/// <summary>The repository the tests run from: for tests that read its files (contracts, README).</summary>
public static class Repository
{
    /// <summary>The repository's root: the first folder above the test's output that holds Contracts.sln.</summary>
    public static string Root { get; } = FindRoot();

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
