namespace Contracts.Pacts;

/// <summary>Where this repository keeps what the Pact tests need, found by walking up from the test assembly.</summary>
public static class RepositoryLayout
{
    /// <summary>The file that marks the repository root.</summary>
    public const string RootMarker = "Contracts.sln";

    /// <summary>The repository root, or null when the tests run outside a clone (for example from a copied folder).</summary>
    public static DirectoryInfo? Root { get; } = FindUpwards(AppContext.BaseDirectory, dir => File.Exists(Path.Combine(dir.FullName, RootMarker)));

    /// <summary>contracts/pacts/: where the consumer tests write the Pact files that are committed.</summary>
    /// <exception cref="DirectoryNotFoundException">The tests do not run inside a clone of the repository.</exception>
    public static string PactsDirectory => Path.Combine(
        Root?.FullName ?? throw new DirectoryNotFoundException($"No {RootMarker} above {AppContext.BaseDirectory}: set PactConfig.PactDir explicitly."),
        "contracts",
        "pacts");

    /// <summary>The first folder at or above <paramref name="start"/> that satisfies <paramref name="isWanted"/>.</summary>
    internal static DirectoryInfo? FindUpwards(string start, Func<DirectoryInfo, bool> isWanted)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (isWanted(dir))
                return dir;
        }
        return null;
    }
}
