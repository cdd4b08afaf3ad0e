using System.Xml.Linq;
using Contracts.Testing;

namespace Contracts.Ogangi.Tests.Conformance;

/// <summary>
/// Every request and answer example of the Messangi RESTful API documentation, replayed through the client over a
/// loopback server. The document's answer samples lost their element names and keep their values: each sample's
/// XML (DocumentSamples) must hold exactly the printed values, in order, and is read by the client; each URL
/// template must be the shape of the request the client sends (method name, segment count, HTTP method).
/// </summary>
public sealed class ConformanceTests : IAsyncLifetime
{
    private static readonly ConformanceFixtures Fixtures = ConformanceFixtures.Load();

    /// <summary>Fixture name -> (the operation that sends it, the sample XML rebuilt from the printed values).</summary>
    private static readonly Dictionary<string, (string Operation, string Xml)> Examples = new()
    {
        ["send-sms"] = ("sendSms", DocumentSamples.SendSms),
        ["send-mt"] = ("sendMt", DocumentSamples.SendMt),
        ["send-mt-flags"] = ("sendMtWithFlags", DocumentSamples.SendMt),
        ["send-pin"] = ("sendSmsPinMobileNumberConfirm", DocumentSamples.SendPin),
        ["fire-message"] = ("fireMessage", DocumentSamples.FireMessage),
        ["fire-message-post"] = ("fireMessageWithDescriptor", DocumentSamples.FireMessagePost),
        ["mo-messages"] = ("getMoMessages", DocumentSamples.MoMessages),
    };

    private FakeOgangi _ogangi = null!;

    public async Task InitializeAsync() => _ogangi = await FakeOgangi.StartAsync();

    public async Task DisposeAsync() => await _ogangi.DisposeAsync();

    public static TheoryData<string> Names() => [.. Examples.Keys];

    [Fact]
    public void Every_fixture_names_the_page_it_comes_from_and_every_page_has_its_fixtures()
    {
        Assert.Equal(Fixtures.Sources.Select(s => s.File).Order(StringComparer.Ordinal), Fixtures.Files());
        Assert.Contains("Messangi RESTful API", Fixtures.Document, StringComparison.Ordinal);
        Assert.Equal(Examples.Keys.SelectMany(n => new[] { $"{n}.answer.txt", $"{n}.url.txt" }).Order(StringComparer.Ordinal), Fixtures.Files());
        Assert.All(Fixtures.Sources, s => Assert.False(string.IsNullOrWhiteSpace(s.Section)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_sample_answer_holds_exactly_the_printed_values(string name)
    {
        var printed = Fixtures.Text($"{name}.answer.txt").Trim();
        var values = XDocument.Parse(Examples[name].Xml).Descendants().Where(e => !e.HasElements).Select(e => e.Value.Trim());

        Assert.Equal(printed, string.Join(' ', values));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_sample_answer_is_read_and_each_request_has_the_documented_shape(string name)
    {
        var (operation, xml) = Examples[name];
        _ogangi.Answer = _ => (Fixtures.Source($"{name}.answer.txt").Status ?? 200, "application/xml", xml);
        using var client = new OgangiClient(_ogangi.Options());

        await OgangiOperations.Calls[operation](client);

        var template = Fixtures.Source($"{name}.url.txt");
        var call = Assert.Single(_ogangi.Calls);
        Assert.Equal(template.Method, call.Request.Method);
        var documented = template.Path!["{base_url}/rest/api/".Length..].Split('/');
        var sent = call.Request.Path[FakeOgangi.BasePath.Length..].Split('/');
        Assert.Equal(documented.Length, sent.Length);
        Assert.Equal(documented.TakeWhile(s => !s.StartsWith('{')), sent.Take(documented.TakeWhile(s => !s.StartsWith('{')).Count()));
    }
}
