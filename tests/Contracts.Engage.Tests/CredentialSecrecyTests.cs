using Contracts.Testing;

namespace Contracts.Engage.Tests;

/// <summary>
/// A credential named as a secret stays one even when the contract loses its <c>format: password</c>: the options'
/// text and every echo masking rely on <c>Secrets()</c>, and a contract edit must not quietly show the client secret.
/// </summary>
public sealed class CredentialSecrecyTests
{
    [Fact]
    public async Task The_client_secret_stays_secret_without_format_password()
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "contracts", "engage", "engage.openapi.yaml"));
        const string Marked = "            token. Protect this value in the same manner as a password.\n          format: password\n";
        const string Required = "      required: [clientId, clientSecret]\n";
        Assert.Contains(Marked, yaml, StringComparison.Ordinal);
        Assert.Contains(Required, yaml, StringComparison.Ordinal);
        // Without its format, and beside a second credential that never had one: an API key.
        var unmarked = yaml.Replace(Marked, "            token. Protect this value in the same manner as a password.\n        apiKey:\n          type: string\n          description: The API key.\n", StringComparison.Ordinal)
            .Replace(Required, "      required: [clientId, clientSecret, apiKey]\n", StringComparison.Ordinal);

        var generated = await GeneratedCheckTests.GenerateAsync(unmarked);

        Assert.Contains("IEnumerable<string?> Secrets() => [ClientSecret, ApiKey];", generated, StringComparison.Ordinal);
        Assert.Contains("It is never logged nor shown.</summary>\n    public string ClientSecret", generated, StringComparison.Ordinal);
    }
}
