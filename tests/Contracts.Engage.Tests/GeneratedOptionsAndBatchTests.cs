using Contracts.Testing;

namespace Contracts.Engage.Tests;

/// <summary>
/// The options' credentials come from the body of the operation x-client's options name (its required properties,
/// the password-format ones secret), and the batch settings and streaming methods from the operation marked x-batch:
/// a scratch copy of ENGAGE's contract whose token body asks for a third credential, whose client id is a secret too
/// and whose batch is named and sized otherwise gives options and methods that say so.
/// </summary>
public sealed class GeneratedOptionsAndBatchTests
{
    [Fact]
    public async Task Credentials_and_batch_methods_follow_the_contract()
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "contracts", "engage", "engage.openapi.yaml"));
        var changed = Replace(yaml, "      required: [clientId, clientSecret]\n", "      required: [clientId, clientSecret, tenantId]\n");
        changed = Replace(changed, "          description: Federated client identifier provided by First Orion.\n", "          description: Federated client identifier provided by First Orion.\n          format: password\n        tenantId:\n          type: string\n          description: |\n            The tenant the client belongs to.\n            Given with the client id.\n");
        changed = Replace(changed, "        method: Push\n", "        method: Deliver\n");
        changed = Replace(changed, "          option: BatchSize\n          default: 1000\n", "          option: ChunkSize\n          default: 50\n");

        var committed = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "generated", "Engage", "EngageClient.g.cs"));
        var generated = await GeneratedCheckTests.GenerateAsync(changed);

        Assert.Contains("    public string ClientSecret { get; set; } = \"\";\n", committed, StringComparison.Ordinal);
        Assert.Contains("IEnumerable<string?> Secrets() => [ClientSecret];", committed, StringComparison.Ordinal);
        Assert.Contains("IEnumerable<string?> Secrets() => [ClientId, ClientSecret];", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("TenantId", committed, StringComparison.Ordinal);
        Assert.Contains("    /// <summary>The tenant the client belongs to. Given with the client id.</summary>\n    public string TenantId { get; set; } = \"\";\n", generated, StringComparison.Ordinal);
        Assert.Contains("failures.Require(nameof(TenantId), TenantId, \"the tenant the client belongs to\");", generated, StringComparison.Ordinal);

        Assert.Contains("    public int BatchSize { get; set; } = 1000;\n", committed, StringComparison.Ordinal);
        Assert.Contains("    public int ChunkSize { get; set; } = 50;\n", generated, StringComparison.Ordinal);
        Assert.Contains("failures.AtLeast(nameof(ChunkSize), ChunkSize, 1);", generated, StringComparison.Ordinal);
        Assert.Contains("new(_options.ChunkSize, _options.MaxConcurrency)", generated, StringComparison.Ordinal);
        foreach (var (method, text) in new[] { ("Push", committed), ("Deliver", generated) })
        {
            Assert.Contains($"> {method}InChunksAsync(EngagePush push, IAsyncEnumerable<Destination> destinations, CancellationToken cancellationToken = default);", text, StringComparison.Ordinal);
            Assert.Contains($"> {method}AllAsync(EngagePush push, IEnumerable<Destination> destinations, bool keepAcceptedDestinations = false, CancellationToken cancellationToken = default)\n", text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("PushInChunksAsync", generated, StringComparison.Ordinal);
    }

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Contains(old, text, StringComparison.Ordinal);
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }
}
