using System.Globalization;
using System.Text.RegularExpressions;

namespace Contracts.Ogangi.Tests.ConsumerContracts;

/// <summary>
/// The segment shapes of the Pact path matchers agree with the OpenAPI contract. build/validate-pacts checks only a
/// pact's example path against the contract, not its regex, so without this a matcher could accept what the
/// contract refuses.
/// </summary>
public sealed class PathShapeTests
{
    [Fact]
    public void The_signature_shape_is_the_contracts_pattern()
        => Assert.Equal($"^{SignedPath.SignatureShape}$", ContractDocument.Text("components", "parameters", "Signature", "schema", "pattern"));

    [Theory]
    [InlineData("MTMwNTY3MDgwODQ=")]
    [InlineData("T0dBTkdJIFRFU1QgTUVTU0FHRQ==")]
    [InlineData("VGVzdCBxYSBBUEkgZmlyZU1lc3NhZ2Uu")]
    [InlineData("-_-_")]
    [InlineData("")]
    [InlineData("MTM")]
    [InlineData("MQ=")]
    [InlineData("M===")]
    [InlineData("MT+w")]
    [InlineData("MT/w")]
    [InlineData("MTMw====")]
    public void The_base64url_shape_accepts_what_the_contract_accepts(string segment)
    {
        var schema = new[] { "components", "schemas", "Base64Url" };
        var minLength = int.Parse(ContractDocument.Text([.. schema, "minLength"]), CultureInfo.InvariantCulture);
        var contractAccepts = segment.Length >= minLength && Regex.IsMatch(segment, ContractDocument.Text([.. schema, "pattern"]));

        Assert.Equal(contractAccepts, Regex.IsMatch(segment, $"^{SignedPath.Base64UrlShape}$"));
    }
}
