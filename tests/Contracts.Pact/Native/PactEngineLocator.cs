using System.Runtime.InteropServices;

namespace Contracts.Pacts.Native;

/// <summary>
/// Finds libpact_ffi: the file named by <see cref="OverrideVariable"/>, else the copy that <c>npm ci</c> puts in
/// build/node_modules, looked for in every folder above the test assembly.
/// </summary>
internal static class PactEngineLocator
{
    /// <summary>Environment variable that names the library file explicitly (another platform, a newer engine).</summary>
    public const string OverrideVariable = "PACT_FFI_LIBRARY";

    /// <summary>The command that installs the pinned engine.</summary>
    public const string InstallCommand = "cd build && npm ci   (or: bash build/install-tools)";

    /// <summary>Where the pinned npm package (build/package.json) puts the engine, relative to the repository root.</summary>
    public static readonly string PinnedRelativePath = Path.Combine(
        "build", "node_modules", "@pact-foundation", "pact-core-linux-x64-glibc", "prebuilds", "linux-x64", "libpact_ffi.so");

    /// <exception cref="PactEngineNotFoundException">No library file was found; the message says how to install it.</exception>
    public static string Locate() => Locate(Environment.GetEnvironmentVariable(OverrideVariable), AppContext.BaseDirectory);

    /// <summary>Locates the library from an explicit path (when not empty) or by searching upwards from <paramref name="searchFrom"/>.</summary>
    internal static string Locate(string? explicitPath, string searchFrom)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return File.Exists(explicitPath)
                ? explicitPath
                : throw new PactEngineNotFoundException($"{OverrideVariable} names '{explicitPath}', which does not exist.");
        }

        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            throw new PactEngineNotFoundException(
                $"build/package.json pins libpact_ffi for linux-x64 (glibc) only, and this is {RuntimeInformation.RuntimeIdentifier}. " +
                $"Set {OverrideVariable} to the path of libpact_ffi for this platform (pact_ffi 0.5.x).");
        }

        var root = RepositoryLayout.FindUpwards(searchFrom, dir => File.Exists(Path.Combine(dir.FullName, PinnedRelativePath)));
        return root is not null
            ? Path.Combine(root.FullName, PinnedRelativePath)
            : throw new PactEngineNotFoundException(
                $"libpact_ffi.so was not found: looked for {PinnedRelativePath} in every folder above {searchFrom}. " +
                $"Install the pinned Pact engine with: {InstallCommand}; or set {OverrideVariable} to the library's path.");
    }
}
