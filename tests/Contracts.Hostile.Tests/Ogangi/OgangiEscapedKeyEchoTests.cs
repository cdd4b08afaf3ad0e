using System.Text.RegularExpressions;
using Contracts.Core;
using Contracts.Hostile.Tests.Infrastructure;

namespace Contracts.Hostile.Tests.Ogangi;

/// <summary>
/// A server or proxy that echoes the request URL may rewrite its percent escapes: lower-case hex digits
/// (<c>%2b</c> for <c>%2B</c>, as some normalisers write them), or every reserved character escaped where the client
/// left some as they were. A Base64 key holds <c>+</c>, <c>/</c> and <c>=</c>, so each of these is the key in a form
/// the client never sent, and none may reach the exception.
/// </summary>
public sealed partial class OgangiEscapedKeyEchoTests
{
    private const string PublicKey = "pk+Ab/cd9Q==";
    private const string PrivateKey = "sk+Zy/xw7R==";

    public static TheoryData<string> Rewrites() => new() { "lower-case escapes", "mixed-case escapes", "everything escaped, lower case" };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public async Task Key_echoed_with_rewritten_escapes_never_reaches_the_exception(string rewrite)
    {
        await using var server = await HostileServer.StartAsync();
        server.Respond((request, exchange) =>
        {
            var echoed = string.Join(" | ", Rewritten(Uri.EscapeDataString(PublicKey), rewrite), Rewritten(Uri.EscapeDataString(PrivateKey), rewrite), Rewritten(request.Path, rewrite));
            return exchange.RespondAsync(200, $"<response><input>sendSMS</input><status>ERROR</status><description>Unknown key {echoed}</description></response>", "application/xml");
        });
        using var client = OgangiHostile.Client(server, o => { o.PublicKey = PublicKey; o.PrivateKey = PrivateKey; });

        var error = await Assert.ThrowsAnyAsync<VendorApiException>(() => OgangiHostile.SendSmsAsync(client));

        var shown = OgangiHostile.EverythingShown(error);
        Assert.Contains("Unknown key", shown, StringComparison.Ordinal); // the echo itself is shown, its keys masked
        Assert.DoesNotContain(PublicKey, Decoded(shown), StringComparison.Ordinal);
        Assert.DoesNotContain(PrivateKey, Decoded(shown), StringComparison.Ordinal);
    }

    /// <summary>
    /// An XML answer may write any character as a character reference (<c>&amp;#43;</c>, <c>&amp;#x2f;</c>): the bytes
    /// hold no form of the key the scrubber knows, but the description read from them is the key itself.
    /// </summary>
    [Theory]
    [InlineData("decimal references")]
    [InlineData("hexadecimal references, lower case")]
    public async Task Key_written_with_xml_character_references_never_reaches_the_exception(string references)
    {
        await using var server = await HostileServer.StartAsync();
        server.Respond((_, exchange) => exchange.RespondAsync(200,
            $"<response><input>sendSMS</input><status>ERROR</status><description>Unknown key {Referenced(PublicKey, references)} signed with {Referenced(PrivateKey, references)}</description></response>",
            "application/xml"));
        using var client = OgangiHostile.Client(server, o => { o.PublicKey = PublicKey; o.PrivateKey = PrivateKey; });

        var error = await Assert.ThrowsAnyAsync<VendorApiException>(() => OgangiHostile.SendSmsAsync(client));

        var shown = OgangiHostile.EverythingShown(error);
        Assert.Contains("Unknown key", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(PublicKey, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivateKey, shown, StringComparison.Ordinal);
    }

    private static string Referenced(string key, string references) => string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) ? c.ToString()
        : references == "decimal references" ? $"&#{(int)c};" : $"&#x{(int)c:x};"));

    /// <summary>
    /// <paramref name="escaped"/> (as <see cref="Uri.EscapeDataString(string)"/> or the client wrote it) as a rewriting
    /// echo shows it.
    /// </summary>
    private static string Rewritten(string escaped, string rewrite) => rewrite switch
    {
        "lower-case escapes" => Escape().Replace(escaped, m => m.Value.ToLowerInvariant()),
        "mixed-case escapes" => Escape().Replace(escaped, m => m.Index % 2 == 0 ? m.Value.ToLowerInvariant() : m.Value),
        _ => Escape().Replace(escaped.Replace("=", "%3D", StringComparison.Ordinal), m => m.Value.ToLowerInvariant()),
    };

    /// <summary>What was shown, with every escape decoded: a key that survived in any escaped form shows up as itself.</summary>
    private static string Decoded(string shown) => Escape().Replace(shown, m => Uri.UnescapeDataString(m.Value));

    [GeneratedRegex("%[0-9A-Fa-f]{2}")]
    private static partial Regex Escape();
}
