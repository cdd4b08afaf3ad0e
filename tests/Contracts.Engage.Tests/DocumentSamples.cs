using Contracts.Testing;

namespace Contracts.Engage.Tests;

/// <summary>
/// Response bodies exactly as printed in the ENGAGE Federated Batch Push Service Guide (First Orion), read from the
/// conformance fixtures (Conformance/Fixtures, each named with its section in sources.json).
/// </summary>
internal static class DocumentSamples
{
    public static ConformanceFixtures Fixtures { get; } = ConformanceFixtures.Load();

    public static string TokenSuccess => Fixtures.Text("token-success.json");

    public static string TokenFailure => Fixtures.Text("token-failure-500.json");

    public static string TokenHealthy => Fixtures.Text("health-success.json");

    public static string PushSuccess => Fixtures.Text("push-success.json");

    public static string PushANumbersNotAllowed => Fixtures.Text("push-anumbers-not-allowed-200.json");

    public static string PushInvalidProgram => Fixtures.Text("push-invalid-program-400.json");

    public static string PushMissingANumbers => Fixtures.Text("push-missing-anumbers-400.json");
}
