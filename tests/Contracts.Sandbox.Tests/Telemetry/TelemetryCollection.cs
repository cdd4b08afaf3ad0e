namespace Contracts.Sandbox.Tests.Telemetry;

/// <summary>
/// The telemetry tests listen to every ActivitySource, Meter and logger in the process and fail on any secret they
/// hear: no other test may run beside them, or its own telemetry (a raw HttpClient span with a signed Ogangi URL, say)
/// would be heard as the SDK's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Telemetry: alone in the process";
}
