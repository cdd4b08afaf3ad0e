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
    public void No_per_request_secret_gives_the_configured_scrubber()
    {
        var secrets = new ClientSecrets([Password]);

        Assert.Same(secrets.Scrubber, secrets.With([]));
    }
}
