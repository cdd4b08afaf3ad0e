using Contracts.Core;

namespace Contracts.Hostile.Tests.Engage;

/// <summary>
/// A token endpoint that quotes the credentials it refused, in JSON as a PHP server writes it: every slash escaped
/// (<c>\/</c>) and other characters as lower-case <c>\u002b</c>. The bytes hold no form of the secret the scrubber
/// knows, but the message read from them is the secret itself.
/// </summary>
public sealed class EngageEscapedSecretEchoTests : EngageHost
{
    private const string SlashedSecret = "engage/s3cr3t+must/never+leak";

    [Theory]
    [InlineData(@"engage\/s3cr3t+must\/never+leak")]
    [InlineData(@"engage\/s3cr3t\u002bmust\/never\u002bleak")]
    public async Task Client_secret_echoed_with_json_escapes_never_reaches_the_exception(string echoed)
    {
        TokenScript = (_, exchange) => exchange.RespondAsync(401, $$"""{"accessToken":null,"message":"Unknown client secret {{echoed}}","errorCode":401,"requestId":"req-token"}""");
        using var client = Client(o => o.ClientSecret = SlashedSecret);

        var error = await Assert.ThrowsAnyAsync<VendorApiException>(() => client.PushAsync(Push(), OneDestination()));

        Assert.Contains("Unknown client secret", error.ToString() + error.VendorMessage, StringComparison.Ordinal);
        Guarantees.NoSecretIn(error, SlashedSecret, echoed);
    }
}
