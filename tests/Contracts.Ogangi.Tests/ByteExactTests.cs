using System.Text;
using Contracts.Core.Validation;

namespace Contracts.Ogangi.Tests;

/// <summary>
/// Texts reach the server byte for byte, whatever they hold, and no value can change the route: the server still
/// finds the same method, the same number of parameters and a valid signature.
/// </summary>
public sealed class ByteExactTests : IAsyncLifetime
{
    private FakeOgangi _ogangi = null!;

    public async Task InitializeAsync() => _ogangi = await FakeOgangi.StartAsync();

    public async Task DisposeAsync() => await _ogangi.DisposeAsync();

    public static TheoryData<string> HardTexts() => new()
    {
        "Olá, señor Müller: ¿qué tal? — 中文 עברית",
        "a/b/../c",
        "1+1=2 & 3+3=6",
        "why? because",
        "#hashtag #two",
        "100% sure %2F %zz",
        "  leading, double  and trailing spaces  ",
        "😀🎉👍🏽 family: 👨‍👩‍👧",
        "??>", // standard Base64 'Pz8+': the URL-safe alphabet must give 'Pz8-'
        "???", // standard Base64 'Pz8/': the URL-safe alphabet must give 'Pz8_'
        "line one\nline two\ttab",
        "mixed / + ? # % spaces 😀 and ñ",
    };

    [Theory]
    [MemberData(nameof(HardTexts))]
    public async Task Base64url_text_arrives_byte_exact(string text)
    {
        using var client = new OgangiClient(_ogangi.Options());

        await client.SendSmsAsync("13056708084", text, "19893653744");
        await client.SendMtAsync("13056708084", text, "19893653744");
        await client.FireMessageAsync("13056708084", text);

        var calls = _ogangi.Calls;
        var segments = new[] { calls[0].RawParameters[4], calls[1].RawParameters[4], calls[2].RawParameters[2] };
        foreach (var segment in segments)
        {
            Assert.Matches("^[A-Za-z0-9_-]+={0,2}$", segment);
            Assert.Equal(Encoding.UTF8.GetBytes(text), IndependentSignature.DecodeBase64Url(segment));
        }
        Assert.All(calls, c => Assert.True(c.SignatureIsValid(FakeOgangi.PrivateKey), c.ToString()));
    }

    [Theory]
    [MemberData(nameof(HardTexts))]
    public async Task Free_text_segments_arrive_exact_and_stay_one_segment_each(string value)
    {
        using var client = new OgangiClient(_ogangi.Options());

        await client.SendMtAsync("13056708084", "hi", from: value, carrier: value, flags: value);

        var call = Assert.Single(_ogangi.Calls);
        Assert.Equal("sendMT", call.Method);
        Assert.Equal(6, call.Parameters.Count);
        Assert.Equal(value, call.Parameters[1]);
        Assert.Equal(value, call.Parameters[2]);
        Assert.Equal(value, call.Parameters[5]);
        Assert.Equal(FakeOgangi.PublicKey, call.PublicKey);
        Assert.True(call.SignatureIsValid(FakeOgangi.PrivateKey));
        Assert.DoesNotContain(call.RawParameters[1], c => c is '/' or '?' or '#' or ' ' or '+' or '\\' || c > 127);
    }

    [Fact]
    public async Task Mo_keyword_with_hard_characters_arrives_exact()
    {
        using var client = new OgangiClient(_ogangi.Options());
        const string keyword = "^(Olá|😀) [a-z]+/x?#%$";

        await client.GetMoMessagesAsync(1, 10, new OgangiMoFilter { Keywords = [keyword] });

        var call = Assert.Single(_ogangi.Calls);
        Assert.Equal(4, call.Parameters.Count);
        Assert.Equal("keyword=" + keyword, call.Parameters[3]);
        Assert.True(call.SignatureIsValid(FakeOgangi.PrivateKey));
    }

    public static TheoryData<string, string> Escapes() => new()
    {
        { "MTMwNTY3MDgwODQ=", "MTMwNTY3MDgwODQ=" },
        { "a-b.c_d~e=f&g,h*i", "a-b.c_d~e=f&g,h*i" },
        { "a/b", "a%2Fb" },
        { "a?b#c", "a%3Fb%23c" },
        { "100%", "100%25" },
        { "a b", "a%20b" },
        { "+1", "%2B1" },
        { "a;b", "a%3Bb" },
        { "a\\b", "a%5Cb" },
        { "^", "%5E" },
        { "ñ", "%C3%B1" },
        { "😀", "%F0%9F%98%80" },
        { "...", "..." },
        { "a..", "a.." },
    };

    /// <summary>The client's one escaping rule, as the contract states it (<c>x-path-segment-escaping</c>).</summary>
    private static readonly Contracts.Core.Http.PathEscaping ContractEscaping = new(ContractDocument.Text("x-path-segment-escaping", "kept-punctuation"));

    [Theory]
    [MemberData(nameof(Escapes))]
    public void Segment_escaping_keeps_unreserved_and_separators_and_encodes_the_rest(string value, string expected)
        => Assert.Equal(expected, ContractEscaping.Escape(value));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Segments_that_http_stacks_drop_are_refused_even_through_generated_operations(string value)
    {
        using var client = new OgangiClient(_ogangi.Options());

        await Assert.ThrowsAsync<InvalidRequestException>(() => client.SendMtAsync(8, value, "null", "13056708084", "aGk="));
        Assert.Empty(_ogangi.Server.Requests);
    }
}
