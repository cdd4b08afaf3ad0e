using Contracts.Testing;

namespace Contracts.Engage.Tests;

/// <summary>
/// The options' credentials are generated from a scratch copy of ENGAGE's contract: a credential named as a secret
/// stays one when the contract loses its <c>format: password</c> (the options' text and every echo masking rely on
/// <c>Secrets()</c>), and the contract's words land escaped in the XML docs and the required-message's literal.
/// </summary>
public sealed class GeneratedCredentialTests
{
    private const string SecretWords = "            token. Protect this value in the same manner as a password.\n";
    private const string IdWords = "          description: Federated client identifier provided by First Orion.\n";

    [Fact]
    public async Task The_client_secret_stays_secret_without_format_password()
    {
        // Without its format, and beside a second credential that never had one: an API key.
        var generated = await GenerateWithAsync(
            (SecretWords + "          format: password\n", SecretWords + "        apiKey:\n          type: string\n          description: The API key.\n"),
            ("      required: [clientId, clientSecret]\n", "      required: [clientId, clientSecret, apiKey]\n"));

        Assert.Contains("IEnumerable<string?> Secrets() => [ClientSecret, ApiKey];", generated, StringComparison.Ordinal);
        Assert.Contains("It is never logged nor shown.</summary>\n    public string ClientSecret", generated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quotes_and_ampersands_in_a_credential_description_are_escaped()
    {
        var generated = await GenerateWithAsync((IdWords, "          description: 'The \"federated\" client id of First Orion & its partners.'\n"));

        Assert.Contains("failures.Require(nameof(ClientId), ClientId, \"the \\\"federated\\\" client id of First Orion & its partners\");", generated, StringComparison.Ordinal);
        Assert.Contains("/// <summary>The \"federated\" client id of First Orion &amp; its partners.</summary>\n    public string ClientId", generated, StringComparison.Ordinal);
    }

    private static async Task<string> GenerateWithAsync(params (string Old, string New)[] edits)
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "contracts", "engage", "engage.openapi.yaml"));
        foreach (var (old, replacement) in edits)
        {
            Assert.Contains(old, yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(old, replacement, StringComparison.Ordinal);
        }
        return await GeneratedCheckTests.GenerateAsync(yaml);
    }
}
