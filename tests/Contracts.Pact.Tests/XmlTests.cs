using System.Xml.Linq;
using Contracts.Pacts.Matchers;

namespace Contracts.Pacts.Tests;

/// <summary>
/// Raw XML bodies compared structurally by namespace URI, whatever prefixes each side writes, with rules addressed
/// by namespace-aware paths: what the SOAP and XML vendors need.
/// </summary>
public sealed class XmlTests : IDisposable
{
    private const string SoapContentType = "text/xml; charset=utf-8";
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Tns = "http://tempuri.org/";

    private static readonly XmlPath OrderId = XmlPath.Root(Soap + "Envelope").Element(Soap + "Body").Element(Tns + "GetOrder").Element(Tns + "OrderId").Text();

    private readonly TemporaryPactDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Xml_paths_name_elements_by_namespace_uri()
    {
        Assert.Equal(
            "$['http://schemas.xmlsoap.org/soap/envelope/:Envelope']['http://schemas.xmlsoap.org/soap/envelope/:Body']['http://tempuri.org/:GetOrder']['http://tempuri.org/:OrderId']['#text']",
            OrderId.ToString());
        Assert.Equal("$['response']['message']['@id']", XmlPath.Root("response").Element("message").Attribute("id").ToString());
        Assert.Throws<InvalidOperationException>(() => OrderId.Element("child"));
    }

    [Fact]
    public async Task Other_prefixes_and_another_value_the_rule_allows_match_and_the_response_is_sent_as_written()
    {
        var builder = SoapOrderInteraction();

        var answer = "";
        await builder.VerifyAsync(async ctx => answer = (await PostSoapAsync(ctx, SoapRequest("s", "a", "98765"))).Body);

        Assert.Equal(SoapResponse, answer);
        var request = _dir.Read()["interactions"]![0]!["request"]!;
        Assert.Equal(SoapRequest("soap", "tns", "12345"), request["body"]!["content"]!.GetValue<string>());
        Assert.Equal("regex", request["matchingRules"]!["body"]![OrderId.ToString()]!["matchers"]![0]!["match"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_value_the_rule_refuses_fails_and_the_message_gives_its_namespace_aware_path()
    {
        var builder = SoapOrderInteraction();

        var failure = await Assert.ThrowsAsync<PactVerificationException>(() => builder.VerifyAsync(
            ctx => PostSoapAsync(ctx, SoapRequest("soap", "tns", "12-AB"))));

        Assert.Contains("POST /OrderService.svc: received, but it differs from the interaction:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'12-AB'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("http://tempuri.org/:OrderId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_element_in_another_namespace_fails_even_with_the_same_prefix()
    {
        var builder = SoapOrderInteraction();
        var wrongNamespace = SoapRequest("soap", "tns", "98765").Replace("http://tempuri.org/", "http://example.org/other/", StringComparison.Ordinal);

        var failure = await Assert.ThrowsAsync<PactVerificationException>(() => builder.VerifyAsync(
            ctx => PostSoapAsync(ctx, wrongNamespace)));

        Assert.Contains("http://tempuri.org/:GetOrder", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attribute_rules_and_repeated_elements_match_by_rule()
    {
        const string expected = """<?xml version="1.0" encoding="UTF-8"?><o:messages xmlns:o="urn:orders"><o:message id="m-1">hello</o:message></o:messages>""";
        const string actual = """<?xml version="1.0" encoding="UTF-8"?><messages xmlns="urn:orders"><message id="m-77">hi</message><message id="m-78">there</message></messages>""";
        XNamespace orders = "urn:orders";
        var message = XmlPath.Root(orders + "messages").Element(orders + "message");
        var builder = _dir.Pact().WithHttpInteractions();
        builder.UponReceiving("messages are sent")
            .WithRequest(HttpMethod.Post, "/messages")
            .WithBody(expected, "application/xml")
            .WithBodyMatchingRule(message, MatchingRule.MinType(1))
            .WithBodyMatchingRule(message.Attribute("id"), MatchingRule.Regex("^m-[0-9]+$"))
            .WithBodyMatchingRule(message.Text(), MatchingRule.Type())
            .WillRespond()
            .WithStatus(202);

        await builder.VerifyAsync(ctx => Wire.SendAsync(ctx, HttpMethod.Post, "/messages", actual, "application/xml"));

        var rules = _dir.Read()["interactions"]![0]!["request"]!["matchingRules"]!["body"]!.AsObject();
        Assert.Equal(["$['urn:orders:messages']['urn:orders:message']", "$['urn:orders:messages']['urn:orders:message']['#text']", "$['urn:orders:messages']['urn:orders:message']['@id']"], rules.Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    private PactBuilder SoapOrderInteraction()
    {
        var builder = _dir.Pact().WithHttpInteractions();
        builder.UponReceiving("a SOAP request for an order")
            .WithRequest(HttpMethod.Post, "/OrderService.svc")
            .WithHeader("SOAPAction", "\"http://tempuri.org/IOrderService/GetOrder\"")
            .WithBody(SoapRequest("soap", "tns", "12345"), SoapContentType)
            .WithBodyMatchingRule(OrderId, MatchingRule.Regex("^[0-9]+$"))
            .WillRespond()
            .WithStatus(200)
            .WithBody(SoapResponse, SoapContentType);
        return builder;
    }

    private static Task<(int Status, string Body, HttpResponseMessage Response)> PostSoapAsync(ConsumerContext ctx, string envelope)
        => Wire.SendAsync(ctx, HttpMethod.Post, "/OrderService.svc", envelope, SoapContentType, ("SOAPAction", "\"http://tempuri.org/IOrderService/GetOrder\""));

    private static string SoapRequest(string soapPrefix, string tnsPrefix, string orderId) =>
        $"""<{soapPrefix}:Envelope xmlns:{soapPrefix}="{Soap}"><{soapPrefix}:Body><{tnsPrefix}:GetOrder xmlns:{tnsPrefix}="{Tns}"><{tnsPrefix}:OrderId>{orderId}</{tnsPrefix}:OrderId></{tnsPrefix}:GetOrder></{soapPrefix}:Body></{soapPrefix}:Envelope>""";

    private static readonly string SoapResponse =
        $"""<s:Envelope xmlns:s="{Soap}"><s:Body><GetOrderResponse xmlns="{Tns}"><GetOrderResult>open</GetOrderResult></GetOrderResponse></s:Body></s:Envelope>""";
}
