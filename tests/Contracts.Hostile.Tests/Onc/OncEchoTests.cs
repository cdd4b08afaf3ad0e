using System.Security;
using Contracts.Core;
using Contracts.Hostile.Tests.Infrastructure;
using Contracts.Onc;

namespace Contracts.Hostile.Tests.Onc;

/// <summary>
/// A server or proxy that quotes the whole request — the password of OpenAPISession, the session id of
/// AddCampaignContact — in its answer cannot carry either into any text of what the client throws.
/// </summary>
public sealed class OncEchoTests : OncHost
{
    public enum EchoKind
    {
        /// <summary>An HTML error page (HTTP 500) with the request in it.</summary>
        HtmlErrorPage,

        /// <summary>A SOAP fault (HTTP 500) whose reason quotes the request.</summary>
        SoapFault,

        /// <summary>A 200 answer that is not SOAP, the request pasted into it.</summary>
        NotSoap,
    }

    public static TheoryData<EchoKind, string> Echoes()
    {
        var data = new TheoryData<EchoKind, string>();
        foreach (var kind in Enum.GetValues<EchoKind>())
        {
            data.Add(kind, Open);
            data.Add(kind, AddContact);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task An_echoed_request_puts_no_password_and_no_session_id_in_the_exception(EchoKind kind, string operation)
    {
        if (operation == Open)
            OpenScript = (request, exchange) => EchoAsync(request, exchange, kind);
        else
            AddContactScript = (request, exchange) => EchoAsync(request, exchange, kind);
        await using var client = Client(o => o.MaxRetries = 0);

        var error = await Guarantees.FailsWithin(() => client.AddCampaignContactAsync(NewContact("+15550500")));

        Assert.IsAssignableFrom<VendorApiException>(error);
        if (operation == Open)
        {
            Assert.IsType<AccessTokenException>(error);
            Assert.Contains(Password, Assert.Single(OpenRequests).BodyText, StringComparison.Ordinal); // it was in the echo
        }
        else
        {
            var sent = Assert.Single(AddContactRequests);
            Assert.Contains(Assert.Single(Sessions), sent.BodyText, StringComparison.Ordinal); // it was in the echo
            Assert.IsType<OncException>(error);
        }

        Guarantees.NoSecretIn(error, Secrets);
    }

    private static Task EchoAsync(HostileRequest request, HostileExchange exchange, EchoKind kind)
    {
        var echo = Guarantees.Echo(request);
        return kind switch
        {
            EchoKind.HtmlErrorPage => exchange.RespondAsync(500, $"<html><body><h1>500 Internal Server Error</h1><pre>{echo}</pre></body></html>", "text/html"),
            EchoKind.SoapFault => AnswerAsync(exchange, $"<s:Fault><faultcode>s:Client</faultcode><faultstring xml:lang=\"en-US\">Cannot process {SecurityElement.Escape(echo)}</faultstring></s:Fault>", 500),
            _ => exchange.RespondAsync(200, "echo: " + echo, "text/plain"),
        };
    }
}
