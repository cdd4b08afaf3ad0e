using Contracts.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Contracts.Ogangi.Tests;

/// <summary>
/// A refusal or an unreadable answer that quotes the call's numbers, texts, descriptor fields or filter values shows
/// them as *** in every failure text: the exception's message, vendor message and ToString, and the logs. The
/// requests declare them personal (the contract's x-personal and x-personal-body); Core's send path masks them.
/// </summary>
public sealed class PersonalValueTests : IAsyncLifetime
{
    private const string Number = "13056708084";
    private const string Text = "Meet me at 5";

    private FakeOgangi _ogangi = null!;
    private readonly FakeLogCollector _logs = new();

    public async Task InitializeAsync() => _ogangi = await FakeOgangi.StartAsync();

    public async Task DisposeAsync() => await _ogangi.DisposeAsync();

    [Theory]
    [InlineData("sendSMS", 200)]
    [InlineData("sendMT", 500)]
    [InlineData("sendPin", 200)]
    [InlineData("fireMessage", 400)]
    public async Task A_refusal_quoting_the_number_and_the_text_shows_neither_anywhere(string method, int status)
    {
        _ogangi.Answer = _ => (status, "application/xml", DocumentSamples.Refusal(method, "ERROR", $"Number {Number} refused &quot;{Text}&quot;"));
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        using var client = new OgangiClient(_ogangi.Options(o => o.MaxRetries = 0), loggerFactory);

        var error = await Assert.ThrowsAsync<OgangiException>(() => method switch
        {
            "sendSMS" => client.SendSmsAsync(Number, Text, "19893653744"),
            "sendMT" => client.SendMtAsync(Number, Text, "19893653744"),
            "sendPin" => client.SendPinAsync(Number, Text, "19893653744", 4),
            _ => client.FireMessageAsync(Number, Text),
        });

        Assert.Equal($"Number *** refused \"***\"", error.VendorMessage);
        AssertShowsNeither(error, Number, Text);
    }

    [Fact]
    public async Task A_refusal_quoting_a_descriptor_field_shows_it_masked()
    {
        _ogangi.Answer = _ => (200, "application/xml", DocumentSamples.Refusal("fireMessage", "ERROR", "Unknown recipient 5491155550000 for keyword JOINCLUB"));
        using var client = new OgangiClient(_ogangi.Options());

        var error = await Assert.ThrowsAsync<OgangiException>(() => client.FireMessageAsync(FireMessageDescriptor.Create("43", "JOINCLUB", "5491155550000")));

        // "43" (the sender id) is shorter than the shortest value masked: it stays, as the vendor's own words would.
        Assert.Equal("Unknown recipient *** for keyword ***", error.VendorMessage);
        AssertShowsNeither(error, "5491155550000", "JOINCLUB");
    }

    [Fact]
    public async Task A_refusal_quoting_a_filter_value_shows_it_masked()
    {
        _ogangi.Answer = _ => (500, "application/xml", DocumentSamples.Refusal("getMOMessages", "ERROR", "No messages from +13056708084 to 19893143924"));
        using var client = new OgangiClient(_ogangi.Options(o => o.MaxRetries = 0));
        var filter = new OgangiMoFilter { From = ["+13056708084"], To = ["19893143924"] };

        var error = await Assert.ThrowsAsync<OgangiException>(() => client.GetMoMessagesAsync(1, 10, filter));

        Assert.Equal("No messages from *** to ***", error.VendorMessage);
        AssertShowsNeither(error, "13056708084", "19893143924");
    }

    [Fact]
    public async Task A_short_text_is_not_masked_in_the_vendors_words()
    {
        // A one-word text ("OK") is as likely to be the vendor's own word: masking it would mangle every message.
        _ogangi.Answer = _ => (200, "application/xml", DocumentSamples.Refusal("sendSMS", "ERROR", $"Not OK: {Number} is barred"));
        using var client = new OgangiClient(_ogangi.Options());

        var error = await Assert.ThrowsAsync<OgangiException>(() => client.SendSmsAsync(Number, "OK", "19893653744"));

        Assert.Equal("Not OK: *** is barred", error.VendorMessage);
    }

    [Fact]
    public async Task An_unreadable_success_quoting_the_number_shows_it_masked()
    {
        _ogangi.Answer = _ => (200, "application/xml", $"<response><input>sendSMS</input><status>OK</status><description>Queued for {Number}</description><result/></response>");
        using var client = new OgangiClient(_ogangi.Options());

        var error = await Assert.ThrowsAsync<UnreadableAnswerException>(() => client.SendSmsAsync(Number, Text, "19893653744"));

        Assert.Contains("Queued for ***", error.RawBody, StringComparison.Ordinal);
        AssertShowsNeither(error, Number, Text);
    }

    private void AssertShowsNeither(Exception error, params string[] values)
    {
        var texts = new List<string?> { error.Message, error.ToString(), (error as VendorApiException)?.VendorMessage, (error as UnreadableAnswerException)?.RawBody };
        texts.AddRange(_logs.GetSnapshot().Select(r => r.Message));
        foreach (var value in values)
            Assert.DoesNotContain(texts, text => text?.Contains(value, StringComparison.Ordinal) == true);
    }
}
