using System.Net;
using System.Text;
using System.Xml.Linq;
using static Contracts.Onc.Tests.OncContract;

namespace Contracts.Sandbox.Tests;

/// <summary>
/// Raw SOAP 1.1 against the simulated ONC, written by hand (not by WCF), in the namespaces of contracts/onc/onc.wsdl.
/// </summary>
internal sealed class OncSoapClient(Uri serviceAddress) : IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    /// <summary>Sends <paramref name="operation"/> with its wrapper content (parameters in the service namespace unless prefixed).</summary>
    public Task<SoapAnswer> CallAsync(string operation, string parameters)
        => PostAsync($"\"{ActionPrefix}{operation}\"", Envelope($"<{operation} xmlns=\"{Tempuri}\" xmlns:a=\"{Dc}\" xmlns:i=\"{Xsi}\">{parameters}</{operation}>"));

    public async Task<SoapAnswer> PostAsync(string? soapAction, string body, string contentType = "text/xml; charset=utf-8")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, serviceAddress) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (soapAction is not null)
            request.Headers.TryAddWithoutValidation("SOAPAction", soapAction);
        using var response = await _http.SendAsync(request);
        return new SoapAnswer(response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    public async Task<string> OpenSessionAsync(string account = "sandbox-account", string user = "sandbox-user", string password = "sandbox-password")
    {
        var answer = await CallAsync("OpenAPISession", $"<accountId>{account}</accountId><username>{user}</username><password>{password}</password>");
        Assert.Equal("0", answer.Member("OpenAPISessionResult", "ErrorCode"));
        return answer.Member("OpenAPISessionResult", "SessionId")!;
    }

    public static string Envelope(string body) => $"<s:Envelope xmlns:s=\"{Soap}\"><s:Body>{body}</s:Body></s:Envelope>";
}

/// <summary>One HTTP answer of the simulated ONC.</summary>
internal sealed record SoapAnswer(HttpStatusCode Status, string? ContentType, string Text)
{
    public XElement Envelope => XDocument.Parse(Text).Root!;

    /// <summary>The single element inside soap:Body.</summary>
    public XElement Body => Envelope.Element(Soap + "Body")!.Elements().Single();

    /// <summary>The result element of a response wrapper, e.g. GetCampaignsResult.</summary>
    public XElement Result(string name) => Body.Element(Tempuri + name)!;

    public string? Member(string result, string member) => (string?)Result(result).Element(Dc + member);

    public bool IsNil(string result) => Result(result).Attribute(Xsi + "nil")?.Value == "true";

    public (string Code, string Reason) Fault
    {
        get
        {
            var fault = Body;
            Assert.Equal(Soap + "Fault", fault.Name);
            return ((string)fault.Element("faultcode")!, (string)fault.Element("faultstring")!);
        }
    }
}
