using Contracts.Core.Security;

namespace Contracts.Core.Tests;

/// <summary>
/// The scrubber for a request is the client's secrets plus what the request carried; the one made for the last
/// per-request secret is kept, so these make sure each request still gets the scrubber of its own secret.
/// </summary>
public sealed class ClientSecretsTests
{
    private const string Password = "configured-password";

    [Fact]
    public void Each_request_masks_its_own_secret_and_the_configured_ones()
    {
        var secrets = new ClientSecrets([Password]);

        var first = secrets.With(["session-aaaa-1111"]);
        var second = secrets.With(["session-bbbb-2222"]);
        var secondAgain = secrets.With(["session-bbbb-2222"]);
        var firstAgain = secrets.With(["session-aaaa-1111"]);

        Assert.Equal("*** ***", first.Scrub($"session-aaaa-1111 {Password}"));
        Assert.Equal("*** ***", second.Scrub($"session-bbbb-2222 {Password}"));
        Assert.Equal("*** ***", secondAgain.Scrub($"session-bbbb-2222 {Password}"));
        Assert.Equal("*** ***", firstAgain.Scrub($"session-aaaa-1111 {Password}"));
        Assert.Equal("session-aaaa-1111", second.Scrub("session-aaaa-1111"));
    }

    [Fact]
    public void Several_per_request_secrets_are_all_masked()
    {
        var secrets = new ClientSecrets([Password]);
        secrets.With(["token-cccc-3333"]);

        var both = secrets.With(["token-cccc-3333", "signature-dddd-4444"]);

        Assert.Equal("*** *** ***", both.Scrub($"token-cccc-3333 signature-dddd-4444 {Password}"));
    }

    [Fact]
    public void A_bearer_token_and_a_new_signature_per_request_are_all_masked()
    {
        var secrets = new ClientSecrets([Password]);

        // The token's scrubber is kept from one request to the next; each signature joins it for its request only.
        var first = secrets.With("token-eeee-5555", ["signature-ffff-6666"]);
        var second = secrets.With("token-eeee-5555", ["signature-gggg-7777"]);
        var configuredToo = secrets.With("token-eeee-5555", [Password]);

        Assert.Equal("*** *** ***", first.Scrub($"token-eeee-5555 signature-ffff-6666 {Password}"));
        Assert.Equal("*** *** ***", second.Scrub($"token-eeee-5555 signature-gggg-7777 {Password}"));
        Assert.Equal("signature-ffff-6666", second.Scrub("signature-ffff-6666"));
        Assert.Equal("*** signature-ffff-6666 ***", configuredToo.Scrub($"token-eeee-5555 signature-ffff-6666 {Password}"));
    }

    [Fact]
    public void A_request_secret_that_holds_a_configured_one_is_masked_whole()
    {
        var secrets = new ClientSecrets([Password, "key-1234"]);

        // A signature that changes each request joins the configured secrets' forms longest first.
        var first = secrets.With(["sig-key-1234-aaaa"]);
        var second = secrets.With(["sig-key-1234-bbbb", "key-1234"]);

        Assert.Equal("*** *** ***", first.Scrub($"sig-key-1234-aaaa key-1234 {Password}"));
        Assert.Equal("*** *** ***", second.Scrub($"sig-key-1234-bbbb key-1234 {Password}"));
        Assert.Equal("sig-***-aaaa", second.Scrub("sig-key-1234-aaaa"));
    }

    [Fact]
    public void A_configured_secret_the_request_carries_too_keeps_every_form_masked()
    {
        var secrets = new ClientSecrets(["pk+key/1=="]);

        var scrubber = secrets.With(["pk+key/1==", "pk%2Bkey%2F1=="]);

        Assert.Equal("*** *** ***", scrubber.Scrub("pk+key/1== pk%2Bkey%2F1== pk%2Bkey%2F1%3D%3D"));
    }

    [Fact]
    public void No_per_request_secret_gives_the_configured_scrubber()
    {
        var secrets = new ClientSecrets([Password]);

        Assert.Same(secrets.Scrubber, secrets.With([]));
    }
}
