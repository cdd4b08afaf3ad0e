using System.Runtime.InteropServices;

namespace Contracts.Pacts.Native;

/// <summary>
/// Loads libpact_ffi once per process: telemetry off, the library located and bound to <see cref="PactFfi"/>, and
/// the engine's logging sent to its in-memory buffer so that each mock server's log can be read after a failure.
/// </summary>
public static class PactEngine
{
    /// <summary>Environment variable that sets the engine's log level (error, warn, info, debug, trace). Default info.</summary>
    public const string LogLevelVariable = "PACT_LOG_LEVEL";

    private static readonly Lazy<string> LoadedVersion = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The engine's version (pact_ffi), loading it if needed.</summary>
    /// <exception cref="PactEngineNotFoundException">The engine is not installed; the message names the command that installs it.</exception>
    public static string Version => LoadedVersion.Value;

    /// <summary>Loads the engine if it is not loaded yet.</summary>
    /// <exception cref="PactEngineNotFoundException">The engine is not installed; the message names the command that installs it.</exception>
    public static void EnsureLoaded() => _ = LoadedVersion.Value;

    private static string Load()
    {
        // The engine reports anonymous usage when a mock server shuts down unless told not to; tests stay off the network.
        NativeEnvironment.SetDefault("PACT_DO_NOT_TRACK", "true");

        var path = PactEngineLocator.Locate();
        var library = NativeLibrary.Load(path);
        NativeLibrary.SetDllImportResolver(typeof(PactEngine).Assembly, (name, _, _) => name == PactFfi.LibraryName ? library : 0);

        // The engine accepts one logger per process; a second call fails, so it is made here, once.
        var status = PactFfi.LogToBuffer(ReadLogLevel());
        if (status != 0)
            throw new InvalidOperationException($"pactffi_log_to_buffer failed with status {status}: the engine's logger was already set up in this process.");

        return PactFfi.ReadBorrowed(PactFfi.Version()) ?? "unknown";
    }

    private static PactFfi.LogLevel ReadLogLevel()
    {
        var text = Environment.GetEnvironmentVariable(LogLevelVariable);
        if (string.IsNullOrWhiteSpace(text))
            return PactFfi.LogLevel.Info;
        return Enum.TryParse<PactFfi.LogLevel>(text.Trim(), ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw new InvalidOperationException($"{LogLevelVariable} must be one of off, error, warn, info, debug, trace (got '{text}').");
    }
}
