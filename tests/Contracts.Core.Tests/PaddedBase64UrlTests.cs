using System.Buffers;
using System.Text;
using Contracts.Core.Http;
using Contracts.Core.Validation;

namespace Contracts.Core.Tests;

/// <summary>
/// <see cref="PaddedBase64Url"/> writes what Java's <c>Base64.getUrlEncoder()</c> writes: the URL-safe alphabet and
/// <c>=</c> padding, which <see cref="System.Buffers.Text.Base64Url"/> leaves out.
/// </summary>
public sealed class PaddedBase64UrlTests
{
    [Theory]
    [InlineData("13056708084", "MTMwNTY3MDgwODQ=")] // one '=' (the Messangi RESTful API documentation's number)
    [InlineData("OGANGI TEST MESSAGE", "T0dBTkdJIFRFU1QgTUVTU0FHRQ==")] // two
    [InlineData("Test qa API fireMessage.", "VGVzdCBxYSBBUEkgZmlyZU1lc3NhZ2Uu")] // none
    [InlineData("", "")]
    [InlineData("ü?>", "w7w_Pg==")] // '/' and '+' of the standard alphabet become '_' and '-'
    [InlineData("~~~", "fn5-")]
    public void Encodes_the_utf8_bytes_url_safe_with_padding(string value, string expected)
        => Assert.Equal(expected, PaddedBase64Url.Encode(value));

    [Theory]
    [InlineData(255)] // 765 UTF-8 bytes: within the stack buffers
    [InlineData(2000)] // 6,000 bytes: past them, through a rented buffer
    public void Matches_the_standard_encoding_at_any_length(int euros)
    {
        var value = new string('€', euros) + "?>";
        var standard = Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).Replace('+', '-').Replace('/', '_');

        Assert.Equal(standard, PaddedBase64Url.Encode(value));
    }

    [Fact]
    public void A_lone_surrogate_is_refused_not_replaced()
        => Assert.Throws<InvalidRequestException>(() => PaddedBase64Url.Encode("a\uD800b"));

    [Fact]
    public void Matches_the_standard_encoding_at_every_length_to_300_in_one_to_four_byte_characters()
    {
        // Each length, in characters of 1, 2, 3 and 4 (a surrogate pair) UTF-8 bytes: every padding case, and both
        // sides of the stack buffers (255 characters of 3 bytes fill them; 256 of 'z' do not, yet rent past them).
        foreach (var unit in new[] { "z", "\u00fc", "\u20ac", "\U0001F600" })
        {
            for (var length = 0; length <= 300; length++)
            {
                var value = string.Concat(Enumerable.Repeat(unit, length));
                var standard = Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).Replace('+', '-').Replace('/', '_');
                Assert.Equal(standard, PaddedBase64Url.Encode(value));
            }
        }
    }

    [Fact]
    public void A_long_text_is_not_left_behind_in_the_shared_pool()
    {
        // Ogangi encodes recipients' numbers and message texts: a text past the stack buffers goes through a rented
        // array, which the next renter on this thread gets back. It must come back cleared.
        const string personal = "Your PIN is 846547, call +13056708084";
        var text = string.Concat(Enumerable.Repeat(personal, 8)); // 296 characters: past the 768-byte stack buffer
        PaddedBase64Url.Encode(text);

        var next = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            Assert.True(next.AsSpan().IndexOf(Encoding.UTF8.GetBytes(personal)) < 0, "the encoded text was left in a pooled array");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(next);
        }
    }
}
