using Contracts.Testing;

namespace Contracts.Engage.Tests;

/// <summary>
/// A credential's description reaches the options as documentation and as the words of its required-message: a
/// quote or an ampersand in the contract's words must give a valid string literal and valid XML documentation.
/// </summary>
public sealed class CredentialWordsTests
{
    [Fact]
    public async Task Quotes_and_ampersands_in_a_credential_description_are_escaped()
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "contracts", "engage", "engage.openapi.yaml"));
        const string Id = "          description: Federated client identifier provided by First Orion.\n";
        Assert.Contains(Id, yaml, StringComparison.Ordinal);
        var changed = yaml.Replace(Id, "          description: 'The \"federated\" client id of First Orion & its partners.'\n", StringComparison.Ordinal);

        var generated = await GeneratedCheckTests.GenerateAsync(changed);

        Assert.Contains("failures.Require(nameof(ClientId), ClientId, @\"the \"\"federated\"\" client id of First Orion & its partners\");", generated, StringComparison.Ordinal);
        Assert.Contains("/// <summary>The &quot;federated&quot; client id of First Orion &amp; its partners.</summary>\n    public string ClientId", generated, StringComparison.Ordinal);
    }
}
