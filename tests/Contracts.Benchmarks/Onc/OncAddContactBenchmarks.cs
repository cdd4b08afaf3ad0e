using System.Globalization;
using System.Net.Http.Headers;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using Contracts.Benchmarks.Harness;
using Contracts.Onc;

namespace Contracts.Benchmarks.Onc;

/// <summary>
/// One ONC AddCampaignContact: the SDK's AddCampaignContactAsync (rules, shared session, the generated contract's WCF
/// formatters on WCF's request channel over the SDK's HTTP pipeline, without the proxy) against a hand-written HttpClient SOAP post (XmlWriter out,
/// LINQ to XML in) sending the same bytes, and against the same generated WCF client called directly over a bare
/// transport (<see cref="GeneratedWcf"/>): WCF's own cost, which is not the SDK's, so the SDK is held to that one.
/// </summary>
[MemoryDiagnoser]
public class OncAddContactBenchmarks
{
    private const string Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string Tempuri = "http://tempuri.org/";
    private const string DataContracts = "http://schemas.datacontract.org/2004/07/ONC";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private const string Action = "\"http://tempuri.org/IOutboundNotificationsCampaignsService/AddCampaignContact\"";
    private const string SessionId = "7d3c1f0e-58b1-4a4e-9a65-0c1c0bd1e6a2";
    private static readonly Guid Campaign = Guid.Parse("5b0e7c1a-9d64-4c1f-8e1e-3c0f2a9b7d11");
    private static readonly Uri ServiceUrl = new("http://onc.bench/ONC/OutboundNotificationsCampaignsService.svc");
    private static readonly XNamespace TempuriNs = Tempuri;

    private readonly CannedHttpHandler _transport = new(
        CannedAnswer.ForSoapAction("OpenAPISession", Envelope(
            $"<OpenAPISessionResponse xmlns=\"{Tempuri}\"><OpenAPISessionResult xmlns:a=\"{DataContracts}\" xmlns:i=\"{Xsi}\"><a:Description i:nil=\"true\"/><a:ErrorCode>0</a:ErrorCode><a:SessionId>{SessionId}</a:SessionId></OpenAPISessionResult></OpenAPISessionResponse>")),
        CannedAnswer.ForSoapAction("AddCampaignContact", Envelope(
            $"<AddCampaignContactResponse xmlns=\"{Tempuri}\"><AddCampaignContactResult>0</AddCampaignContactResult></AddCampaignContactResponse>")));
    private OncClient _sdk = null!;
    private OutboundNotificationContactInfo _contact = null!;
    private HttpClient _baselineHttp = null!;
    private OutboundNotificationsCampaignsServiceClient _wcf = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var options = new OncClientOptions { BaseUrl = ServiceUrl, AccountId = "bench-account", UserName = "bench-user", Password = "bench-password" };
        _sdk = new OncClient(options, _transport);
        _contact = new OutboundNotificationContactInfo
        {
            CampaignId = Campaign,
            SMSCommInfo = new CommunicationInfo { Destination = "+13056708084", RetryCount = 3, TextToSendOverwrite = "Your appointment is tomorrow at 10:00 & lasts 30 minutes." },
        };
        _baselineHttp = new HttpClient(_transport, disposeHandler: false);
        var binding = new BasicHttpBinding(BasicHttpSecurityMode.None) { MaxReceivedMessageSize = options.MaxResponseBytes, MaxBufferSize = (int)options.MaxResponseBytes, ReaderQuotas = XmlDictionaryReaderQuotas.Max };
        _wcf = new OutboundNotificationsCampaignsServiceClient(binding, new EndpointAddress(ServiceUrl));
        _wcf.Endpoint.EndpointBehaviors.Add(new BareTransport(_transport));
        _wcf.Open();

        // Both sides send the same bytes, and are warm (tokens and sessions cached, as in steady state).
        await _transport.ThrowUnlessSameRequestAsync(Sdk, HandWritten, "Content-Type", "SOAPAction");
        await _transport.ThrowUnlessSameRequestAsync(Sdk, GeneratedWcf, "Content-Type", "SOAPAction");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _sdk.DisposeAsync();
        _baselineHttp.Dispose();
        await ((IAsyncDisposable)_wcf).DisposeAsync();
    }

    /// <summary>A hand-written SOAP post of the same bytes: shown for reference, the SDK is held to <see cref="GeneratedWcf"/>.</summary>
    [Benchmark]
    public async Task<int> HandWritten()
    {
        using var body = new MemoryStream();
        using (var xml = XmlDictionaryWriter.CreateTextWriter(body, Encoding.UTF8, ownsStream: false))
        {
            xml.WriteStartElement("s", "Envelope", Soap);
            xml.WriteStartElement("s", "Body", Soap);
            xml.WriteStartElement("AddCampaignContact", Tempuri);
            xml.WriteElementString("sessionId", Tempuri, SessionId);
            xml.WriteStartElement("contact", Tempuri);
            xml.WriteAttributeString("xmlns", "a", null, DataContracts);
            xml.WriteAttributeString("xmlns", "i", null, Xsi);
            xml.WriteElementString("CampaignId", DataContracts, _contact.CampaignId.ToString());
            WriteNil(xml, "EmailCommInfo");
            xml.WriteElementString("Id", DataContracts, _contact.Id.ToString());
            WriteCommunication(xml, "SMSCommInfo", _contact.SMSCommInfo!);
            WriteNil(xml, "VoiceCommInfo");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, ServiceUrl)
        {
            Content = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length) { Headers = { ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" } } },
        };
        request.Headers.TryAddWithoutValidation("SOAPAction", Action);
        using var response = await _baselineHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var answer = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var code = (int?)answer.Descendants(TempuriNs + "AddCampaignContactResult").SingleOrDefault() ?? throw new InvalidOperationException("no AddCampaignContactResult");
        return code == 0 ? code : throw new InvalidOperationException($"AddCampaignContact answered {code}");
    }

    [Benchmark]
    public async Task<int> Sdk()
    {
        await _sdk.AddCampaignContactAsync(_contact);
        return 0;
    }

    /// <summary>The generated WCF client as an application would call it with no SDK around it: session id in hand. The baseline.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> GeneratedWcf()
    {
        var code = await _wcf.AddCampaignContactAsync(SessionId, _contact);
        return code == 0 ? code : throw new InvalidOperationException($"AddCampaignContact answered {code}");
    }

    private static void WriteNil(XmlWriter xml, string name)
    {
        xml.WriteStartElement(name, DataContracts);
        xml.WriteAttributeString("nil", Xsi, "true");
        xml.WriteEndElement();
    }

    private static void WriteCommunication(XmlWriter xml, string name, CommunicationInfo info)
    {
        xml.WriteStartElement(name, DataContracts);
        xml.WriteElementString("Destination", DataContracts, info.Destination);
        xml.WriteElementString("LastDeliveryErrorCode", DataContracts, info.LastDeliveryErrorCode.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("RetryCount", DataContracts, info.RetryCount.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("StatusCode", DataContracts, ((int)info.StatusCode).ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("TextToSendOverwrite", DataContracts, info.TextToSendOverwrite);
        xml.WriteEndElement();
    }

    /// <summary>Gives WCF's HttpClient the canned transport and nothing else.</summary>
    private sealed class BareTransport(HttpMessageHandler transport) : IEndpointBehavior
    {
        public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters)
            => bindingParameters.Add(new Func<HttpClientHandler, HttpMessageHandler>(_ => transport));

        public void ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime)
        {
        }

        public void ApplyDispatchBehavior(ServiceEndpoint endpoint, EndpointDispatcher endpointDispatcher)
        {
        }

        public void Validate(ServiceEndpoint endpoint)
        {
        }
    }

    private static string Envelope(string body) => $"<s:Envelope xmlns:s=\"{Soap}\"><s:Body>{body}</s:Body></s:Envelope>";
}
