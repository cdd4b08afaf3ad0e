using System.Text.Json;

namespace Contracts.Pacts;

/// <summary>Where the Pact file goes, where diagnostics go, how bodies are serialised.</summary>
public sealed class PactConfig
{
    /// <summary>The folder of the Pact file. Default: the repository's contracts/pacts/.</summary>
    public string? PactDir { get; init; }

    /// <summary>Receives the mismatch report and the mock server's log when a verification fails (e.g. xunit's <c>ITestOutputHelper.WriteLine</c>).</summary>
    public Action<string>? Output { get; init; }

    /// <summary>Serialiser settings for <c>WithJsonBody</c>. Default: property names as written, so anonymous objects spell the wire names.</summary>
    public JsonSerializerOptions? DefaultJsonSettings { get; init; }
}
