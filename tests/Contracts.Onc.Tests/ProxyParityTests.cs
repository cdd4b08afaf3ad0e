using System.ServiceModel;
using System.Xml;

namespace Contracts.Onc.Tests;

/// <summary>
/// The client sends its operations through WCF's message layer, not through the generated client's proxy: what the
/// proxy makes of an answer it cannot take (each kind of SOAP fault WCF knows, a header it must understand) must be
/// what the client gives as the inner exception, of the same type and with the same text. The generated client,
/// called directly against the same answer, is the reference.
/// </summary>
public sealed class ProxyParityTests : FakeOncTests
{
    private const string Dispatcher = "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher";

    public static TheoryData<string, int, string> Answers => new()
    {
        { "plain fault with a detail", 500, Fault("http://schemas.xmlsoap.org/soap/envelope/", "Server", "Database unavailable", "<detail><Trouble xmlns=\"urn:x\">db</Trouble></detail>") },
        { "internal service fault with its exception detail", 500, Fault(Dispatcher, "InternalServiceFault", "Object reference not set", "<detail><ExceptionDetail xmlns=\"http://schemas.datacontract.org/2004/07/System.ServiceModel\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><HelpLink i:nil=\"true\"/><InnerException i:nil=\"true\"/><Message>Object reference not set</Message><StackTrace>at Service</StackTrace><Type>System.NullReferenceException</Type></ExceptionDetail></detail>") },
        { "deserialization failed", 500, Fault(Dispatcher, "DeserializationFailed", "The formatter threw an exception", "") },
        { "session terminated", 500, Fault(Dispatcher, "SessionTerminated", "The session was terminated", "") },
        { "failed authentication", 500, Fault("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd", "FailedAuthentication", "Not allowed", "") },
        { "internal service fault with a detail that is no exception detail", 500, Fault(Dispatcher, "InternalServiceFault", "Object reference not set", "<detail><Trouble xmlns=\"urn:x\">db</Trouble></detail>") },
        { "header to understand for another actor", 200, "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header><Ticket s:mustUnderstand=\"1\" s:actor=\"urn:gateway\" xmlns=\"urn:x\">1</Ticket></s:Header><s:Body><AddCampaignContactResponse xmlns=\"http://tempuri.org/\"><AddCampaignContactResult>0</AddCampaignContactResult></AddCampaignContactResponse></s:Body></s:Envelope>" },
        { "header to understand", 200, "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header><Ticket s:mustUnderstand=\"1\" xmlns=\"urn:x\">1</Ticket></s:Header><s:Body><AddCampaignContactResponse xmlns=\"http://tempuri.org/\"><AddCampaignContactResult>0</AddCampaignContactResult></AddCampaignContactResponse></s:Body></s:Envelope>" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task An_answer_the_proxy_refuses_is_refused_by_the_client_with_the_proxy_s_exception(string kind, int status, string answer)
    {
        Onc.Intercept = (operation, _) => operation == "OpenAPISession" ? null : (status, "text/xml; charset=utf-8", answer);
        var proxyError = await ProxyErrorAsync();
        await using var client = new OncClient(Onc.Options());

        var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Samples.NewContact("+13055550123")));

        Assert.True(error.InnerException is not null, kind);
        Assert.Equal(proxyError.GetType(), error.InnerException.GetType());
        Assert.Equal(proxyError.Message, error.InnerException.Message);
    }

    /// <summary>What the generated client throws for AddCampaignContact against the fake's answer.</summary>
    private async Task<Exception> ProxyErrorAsync()
    {
        var binding = new BasicHttpBinding(BasicHttpSecurityMode.None) { ReaderQuotas = XmlDictionaryReaderQuotas.Max };
        var proxy = new OutboundNotificationsCampaignsServiceClient(binding, new EndpointAddress(Onc.Options().BaseUrl));
        try
        {
            return await Assert.ThrowsAnyAsync<Exception>(() => proxy.AddCampaignContactAsync("any-session", Samples.NewContact("+13055550123")));
        }
        finally
        {
            proxy.Abort();
        }
    }

    private static string Fault(string codeNamespace, string code, string reason, string detail)
        => $"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault><faultcode xmlns:a=\"{codeNamespace}\">a:{code}</faultcode><faultstring xml:lang=\"en-US\">{reason}</faultstring>{detail}</s:Fault></s:Body></s:Envelope>";
}
