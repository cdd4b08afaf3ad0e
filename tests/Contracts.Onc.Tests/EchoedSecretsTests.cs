using System.Security;
using System.Text;
using Contracts.Core;
using Contracts.Core.Security;

namespace Contracts.Onc.Tests;

/// <summary>
/// A server or proxy that echoes the request — the password of OpenAPISession, the session id of every other call —
/// in its error answer cannot carry either into what the client throws: the pipeline masks them in the answer
/// before WCF or the client reads it, so no message, vendor message or inner exception message holds them.
/// </summary>
public sealed class EchoedSecretsTests : FakeOncTests
{
    public enum Echo
    {
        /// <summary>A SOAP fault whose reason quotes the request (HTTP 500).</summary>
        SoapFault,

        /// <summary>A gateway's HTML error page with the request in it (HTTP 502).</summary>
        HtmlErrorPage,

        /// <summary>A 200 answer that is not SOAP, the request pasted into it.</summary>
        NotSoap,
    }

    [Theory]
    [InlineData(Echo.SoapFault)]
    [InlineData(Echo.HtmlErrorPage)]
    [InlineData(Echo.NotSoap)]
    public async Task An_echoed_OpenAPISession_never_puts_the_password_in_the_AccessTokenException(Echo echo)
    {
        Onc.Handle = exchange => exchange.Operation == "OpenAPISession" ? EchoAsync(exchange, echo) : Task.FromResult(false);
        await using var client = new OncClient(Onc.Options(o => o.MaxRetries = 0));

        var error = await Assert.ThrowsAsync<AccessTokenException>(() => client.GetCampaignsAsync().WaitAsync(Bound.Test));

        AssertHoldsNone(error, FakeOnc.Password);
        AssertEchoShowsMasked(echo, error);
    }

    [Theory]
    [InlineData(Echo.SoapFault)]
    [InlineData(Echo.HtmlErrorPage)]
    [InlineData(Echo.NotSoap)]
    public async Task An_echoed_call_never_puts_the_session_id_in_the_OncException(Echo echo)
    {
        await using var client = new OncClient(Onc.Options(o => o.MaxRetries = 0));
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        Onc.Handle = exchange => exchange.Operation == "GetCampaigns" ? EchoAsync(exchange, echo) : Task.FromResult(false);

        var error = await Assert.ThrowsAsync<OncException>(() => client.GetCampaignsAsync().WaitAsync(Bound.Test));

        var session = Assert.Single(Onc.IssuedSessions);
        Assert.Contains(session, Onc.Server.Requests[^1].BodyText, StringComparison.Ordinal); // it was in what the server echoed
        AssertHoldsNone(error, session, FakeOnc.Password);
        AssertEchoShowsMasked(echo, error);
    }

    private static async Task<bool> EchoAsync(Exchange exchange, Echo echo)
    {
        var response = exchange.Context.Response;
        switch (echo)
        {
            case Echo.SoapFault:
                await FakeOnc.AnswerAsync(exchange.Context, 500, $"<s:Fault><faultcode>s:Client</faultcode><faultstring xml:lang=\"en-US\">Cannot process {SecurityElement.Escape(exchange.RequestBody)}</faultstring></s:Fault>");
                break;
            case Echo.HtmlErrorPage:
                response.StatusCode = 502;
                response.ContentType = "text/html";
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes($"<html><body><h1>502 Bad Gateway</h1><pre>{exchange.RequestBody}</pre></body></html>"));
                break;
            case Echo.NotSoap:
                response.StatusCode = 200;
                response.ContentType = "text/plain";
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes($"echo: {exchange.RequestBody}"));
                break;
        }
        return true;
    }

    /// <summary>
    /// Where the echo reaches the error, it shows masked: WCF quotes a fault's reason and the start of an answer of the
    /// wrong content type; of an HTTP error page it reports the status only.
    /// </summary>
    private static void AssertEchoShowsMasked(Echo echo, Exception error)
    {
        if (echo != Echo.HtmlErrorPage)
            Assert.Contains(SecretScrubber.Mask, error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Neither the message, the vendor message nor any inner exception's message (nor ToString) holds a secret.</summary>
    private static void AssertHoldsNone(Exception error, params string[] secrets)
    {
        var texts = new List<string> { error.ToString() };
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            texts.Add(e.Message);
            if (e is VendorApiException { VendorMessage: { } vendorMessage })
                texts.Add(vendorMessage);
        }
        foreach (var secret in secrets)
            Assert.All(texts, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
    }
}
