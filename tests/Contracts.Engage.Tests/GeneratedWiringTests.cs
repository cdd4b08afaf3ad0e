using Contracts.Testing;

namespace Contracts.Engage.Tests;

/// <summary>
/// How a client is built comes from the contract's x-client: a scratch copy of ENGAGE's contract that names the vendor
/// otherwise, signs with a handler, asks for no tokens and has no typed failures gives a client wired that way. (The
/// committed client's construction and registration are exercised by <see cref="OptionsAndRegistrationTests"/> and
/// <see cref="TokenLifecycleTests"/>.)
/// </summary>
public sealed class GeneratedWiringTests
{
    [Fact]
    public async Task The_contracts_x_client_decides_how_the_client_is_built()
    {
        var contract = Path.Combine(Repository.Root, "contracts", "engage", "engage.openapi.yaml");
        var yaml = await File.ReadAllTextAsync(contract);
        var start = yaml.IndexOf("x-client:\n", StringComparison.Ordinal);
        var end = yaml.IndexOf("servers:\n", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the contract still has its x-client before servers");
        var changed = yaml[..start] + "x-client:\n  vendor-name: Elsewhere\n  signing: headers\n" + yaml[end..];

        var committed = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "generated", "Engage", "EngageClient.g.cs"));
        var generated = await GeneratedCheckTests.GenerateAsync(changed);

        Assert.Contains("        AcquireToken = AcquireTokenAsync,\n", committed, StringComparison.Ordinal);
        Assert.DoesNotContain("AcquireToken", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("CreateSigning", committed, StringComparison.Ordinal);
        Assert.Contains("        CreateSigning = CreateSigningHandler,\n", generated, StringComparison.Ordinal);
        Assert.Contains("private static partial DelegatingHandler CreateSigningHandler(EngageClientOptions options, TimeProvider timeProvider);", generated, StringComparison.Ordinal);
        Assert.Contains("/// <summary>Registers the default ENGAGE account,", committed, StringComparison.Ordinal);
        Assert.Contains("/// <summary>Registers the default Elsewhere account,", generated, StringComparison.Ordinal);
        Assert.Contains("public class EngageException<TResult> : EngageException", committed, StringComparison.Ordinal);
        Assert.DoesNotContain("EngageException<TResult>", generated, StringComparison.Ordinal);
        // The names come from the client's: the same public surface whatever x-client says.
        foreach (var member in new[] { "public const string ProductName = \"Contracts.Engage\";", "public static class EngageServiceCollectionExtensions", "public EngageClient(EngageClientOptions options, HttpMessageHandler? transport," })
        {
            Assert.Contains(member, committed, StringComparison.Ordinal);
            Assert.Contains(member, generated, StringComparison.Ordinal);
        }
    }
}
