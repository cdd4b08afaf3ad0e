using System.Text;
using Contracts.Core.Http;

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
        => Assert.Throws<ArgumentException>(() => PaddedBase64Url.Encode("a\uD800b"));
}
