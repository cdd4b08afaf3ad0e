using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;

namespace Contracts.Ogangi.Tests;

/// <summary>
/// Every field the contract declares on a result is read from its element: a field added to the contract and
/// regenerated fails here until the XML reader handles it.
/// </summary>
public sealed class ResultReaderConventionTests : IAsyncLifetime
{
    private FakeOgangi _ogangi = null!;

    public async Task InitializeAsync() => _ogangi = await FakeOgangi.StartAsync();

    public async Task DisposeAsync() => await _ogangi.DisposeAsync();

    [Fact]
    public async Task Every_message_field_is_read()
    {
        _ogangi.Answer = _ => Ok($"<result><messages><message>{Fields<Message>()}</message></messages></result>");
        using var client = new OgangiClient(_ogangi.Options());

        AssertFilled(Assert.Single((await client.SendSmsAsync("13056708084", "hi", "43")).Messages!));
    }

    [Fact]
    public async Task Every_mo_message_field_is_read()
    {
        _ogangi.Answer = _ => Ok($"<result><MOMessageList><records>1</records><MOMessage>{Fields<MoMessage>()}</MOMessage></MOMessageList></result>");
        using var client = new OgangiClient(_ogangi.Options());

        AssertFilled(Assert.Single((await client.GetMoMessagesAsync(1, 10)).Messages!));
    }

    [Fact]
    public async Task Every_pin_and_fired_message_field_is_read()
    {
        using var client = new OgangiClient(_ogangi.Options());
        _ogangi.Answer = _ => Ok($"<result><PinSMSConfirmation>{Fields<PinSmsConfirmation>()}</PinSMSConfirmation></result>");
        AssertFilled(await client.SendPinAsync("13056708084", "PIN", "43", 6));

        _ogangi.Answer = _ => Ok($"<result><mtSent>{Fields<FiredMessage>()}</mtSent></result>");
        AssertFilled((await client.FireMessageAsync(FireMessageDescriptor.Create("43", "hi", "1"))).MtSent!);
    }

    [Fact]
    public async Task Every_envelope_field_is_read()
    {
        using var client = new OgangiClient(_ogangi.Options());
        _ogangi.Answer = _ => (200, "application/xml", "<response><input>v-input</input><status>OK</status><description>v-description</description><result><x>1</x></result></response>");

        var envelope = await client.SendMtAsync("13056708084", "hi", "43");

        Assert.Equal("v-input", envelope.Input);
        Assert.Equal("OK", envelope.Status);
        Assert.Equal("v-description", envelope.Description);
        Assert.Equal("<result><x>1</x></result>", envelope.AdditionalProperties["result"]);
    }

    private static (int, string, string) Ok(string result)
        => (200, "application/xml", $"<response><input>m</input><status>OK</status><description>Completed</description>{result}</response>");

    private static IEnumerable<(PropertyInfo Property, string WireName)> WireProperties<T>()
        => typeof(T).GetProperties()
            .Select(p => (p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(x => x.Name is not null)
            .Select(x => (x.p, x.Name!));

    private static string Fields<T>()
    {
        var xml = new StringBuilder();
        foreach (var (_, name) in WireProperties<T>())
            xml.Append('<').Append(name).Append(">v-").Append(name).Append("</").Append(name).Append('>');
        return xml.ToString();
    }

    private static void AssertFilled<T>(T model)
    {
        var properties = WireProperties<T>().ToList();
        Assert.NotEmpty(properties);
        foreach (var (property, name) in properties)
            Assert.True(Equals($"v-{name}", property.GetValue(model)), $"{typeof(T).Name}.{property.Name} was not read from <{name}>");
        Assert.Empty((IDictionary<string, object>)typeof(T).GetProperty("AdditionalProperties")!.GetValue(model)!);
    }
}
