using Contracts.Core;
using Contracts.Hostile.Tests.Infrastructure;

namespace Contracts.Hostile.Tests.Ogangi;

/// <summary>An answer that quotes the signed request URL cannot carry the public key, the signature or the private key into an exception.</summary>
public sealed class OgangiEchoTests
{
    public static TheoryData<string> Echoes() => new() { "error-page", "description", "redirect-page", "header" };

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task Echoed_signed_url_never_reaches_the_exception(string kind)
    {
        await using var server = await HostileServer.StartAsync();
        server.Respond((request, exchange) =>
        {
            var url = new Uri(server.BaseUrl, request.Target).ToString();
            var decoded = Uri.UnescapeDataString(url);
            var quote = $"{url} | {decoded} | key={OgangiHostile.PublicKey} | private={OgangiHostile.PrivateKey} | sig={OgangiHostile.SignatureOf(request)}";
            return kind switch
            {
                "error-page" => exchange.RespondAsync(500, $"<html><body><h1>500</h1><p>Error processing {quote}</p></body></html>", "text/html"),
                "description" => exchange.RespondAsync(200, $"<response><input>sendSMS</input><status>ERROR</status><description>Internal error for {System.Security.SecurityElement.Escape(quote)}</description></response>", "application/xml"),
                "redirect-page" => exchange.RespondAsync(404, $"<response><input>{System.Security.SecurityElement.Escape(quote)}</input><status>NOT_FOUND</status><description>{System.Security.SecurityElement.Escape(quote)}</description></response>", "application/xml"),
                _ => exchange.RespondAsync(400, "<html>bad</html>", "text/html", [("X-Request-Url", url), ("X-Debug", quote)]),
            };
        });
        using var client = OgangiHostile.Client(server);

        var error = await Assert.ThrowsAnyAsync<VendorApiException>(() => OgangiHostile.SendSmsAsync(client));

        var signature = OgangiHostile.SignatureOf(server.Requests[0]);
        Assert.Equal(OgangiHostile.PublicKey, OgangiHostile.PublicKeyOf(server.Requests[0]));
        var shown = OgangiHostile.EverythingShown(error);
        Assert.DoesNotContain(OgangiHostile.PublicKey, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(OgangiHostile.PrivateKey, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(signature, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(signature), shown, StringComparison.Ordinal);
    }
}
