using System.Text;
using Contracts.Core.Security;

namespace Contracts.Core.Tests;

public sealed class SecretScrubberTests
{
    private const string Secret = "p@ss<w&rd>/\"x+ü";

    [Theory]
    [InlineData("raw: " + Secret)]
    [InlineData("url: p%40ss%3Cw%26rd%3E%2F%22x%2B%C3%BC")]
    [InlineData("json: p@ss\\u003Cw\\u0026rd\\u003E/\\u0022x\\u002B\\u00FC")]
    [InlineData("json relaxed: p@ss<w&rd>/\\\"x+ü")]
    [InlineData("xml: p@ss&lt;w&amp;rd&gt;/&quot;x+ü")]
    [InlineData("url, lower-case escapes: p%40ss%3cw%26rd%3e%2f%22x%2b%c3%bc")]
    [InlineData("url, some left as they were: p@ss%3cw&rd>%2F\"x%2bü")]
    [InlineData("url, more escaped than needed: %70%40ss%3cw%26rd%3e%2f%22x%2b%c3%bc")]
    [InlineData("json, slashes escaped: p@ss<w&rd>\\/\\\"x+ü")]
    [InlineData("json, lower-case unicode escapes: p@ss\\u003cw\\u0026rd\\u003e/\\u0022x\\u002bü")]
    [InlineData("xml references: p&#64;ss&lt;w&#x26;rd&#X3E;&#47;&quot;x&#x2b;ü")]
    public void Every_form_a_request_carries_a_secret_in_is_masked(string text)
    {
        var scrubber = SecretScrubber.For([Secret]);

        var scrubbed = scrubber.Scrub(text);

        Assert.EndsWith(SecretScrubber.Mask, scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("ss", scrubbed.Split(':')[1], StringComparison.Ordinal);
        var bytes = scrubber.Scrub(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(scrubbed, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Every_escaped_occurrence_is_masked_and_the_text_around_kept()
    {
        var scrubber = SecretScrubber.For([Secret]);
        const string text = "a %70%40ss%3cw%26rd%3e%2f%22x%2b%c3%bc b p&#64;ss&lt;w&amp;rd&gt;\\/\\\"x\\u002bü c &amp; 100%";

        Assert.Equal("a *** b *** c &amp; 100%", scrubber.Scrub(text));
        Assert.Equal("a *** b *** c &amp; 100%", Encoding.UTF8.GetString(scrubber.Scrub(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)))));
    }

    [Fact]
    public void Text_without_a_secret_is_returned_as_it_is()
    {
        var scrubber = SecretScrubber.For(["token-abcdef"]);
        var body = new ArraySegment<byte>(Encoding.UTF8.GetBytes("{\"ok\":true}"));

        Assert.Same(body.Array, scrubber.Scrub(body).Array);
        Assert.Equal("{\"ok\":true}", scrubber.Scrub("{\"ok\":true}"));
    }

    [Fact]
    public void Every_occurrence_is_masked_and_a_longer_secret_wins_over_one_inside_it()
    {
        var scrubber = SecretScrubber.For(["abcd", "xxabcdxx"]);

        Assert.Equal("*** and *** and ***", scrubber.Scrub("xxabcdxx and abcd and abcd"));
    }

    [Fact]
    public void Secrets_too_short_to_mask_safely_are_ignored()
    {
        var scrubber = SecretScrubber.For(["42", null, ""]);

        Assert.True(scrubber.IsEmpty);
        Assert.Equal("answer 42", scrubber.Scrub("answer 42"));
    }
}
