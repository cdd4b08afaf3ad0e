using System.Text.RegularExpressions;

namespace Contracts.Ogangi.Tests;

/// <summary>Every response XML in the Messangi RESTful API documentation is read into the typed results, value by value.</summary>
public sealed partial class DocumentSampleTests : IAsyncLifetime
{
    private FakeOgangi _ogangi = null!;

    public async Task InitializeAsync() => _ogangi = await FakeOgangi.StartAsync();

    public async Task DisposeAsync() => await _ogangi.DisposeAsync();

    [Fact]
    public async Task Send_sms_sample_reads_every_field()
    {
        using var client = new OgangiClient(_ogangi.Options());

        var result = await client.SendSmsAsync("13056708084", "OGANGI TEST MESSAGE", "19893653744", "carrierName");

        var message = Assert.Single(result.Messages!);
        Assert.Equal("-8174720676710228700", message.Id);
        Assert.Equal("carrierName", message.Carrier);
        Assert.Equal("carrierName", message.CarrierUsed);
        Assert.Equal("19893653744", message.From);
        Assert.Equal("13056708084", message.To);
        Assert.Equal("OGANGI TEST MESSAGE", message.Text);
        Assert.Equal("SENT_TO_CARRIER", message.Status);
        Assert.Equal(OgangiMessageStatus.SentToCarrier, message.DeliveryStatus);
        Assert.True(message.DeliveryStatus.IsKnown);
        Assert.Equal("Sent to Carrier", message.StatusDescription);
        Assert.Equal("UTF-8", message.Encoding);
        Assert.Equal("2013-09-17T10:13:59.176-04:30", message.Date);
        Assert.Equal(new DateTimeOffset(2013, 9, 17, 10, 13, 59, 176, TimeSpan.FromHours(-4.5)), message.SentAt);
        Assert.Equal("America/Caracas", message.Timezone);
        Assert.Equal("As223sdadq8d8287v5v", message.ClientId);
        Assert.Empty(message.AdditionalProperties);
    }

    [Fact]
    public async Task Send_mt_samples_read_as_the_envelope()
    {
        using var client = new OgangiClient(_ogangi.Options());

        var plain = await client.SendMtAsync("13056708084", "OGANGI TEST MESSAGE", "19893653744");
        var flagged = await client.SendMtAsync("13056708084", "OGANGI TEST MESSAGE", "19893653744", flags: "urgent");

        foreach (var answer in new[] { plain, flagged })
        {
            Assert.Equal("sendMT", answer.Input);
            Assert.Equal("OK", answer.Status);
            Assert.Equal("Completed", answer.Description);
        }
    }

    [Fact]
    public async Task Pin_sample_reads_the_pin()
    {
        using var client = new OgangiClient(_ogangi.Options());

        var confirmation = await client.SendPinAsync("13056708084", "Your PIN code", "19893653744", 6, "Movistar");

        Assert.Equal("846547", confirmation.Pin);
    }

    [Fact]
    public async Task Pin_keeps_leading_zeros()
    {
        _ogangi.Answer = _ => (200, "application/xml", DocumentSamples.SendPin.Replace("846547", "004211", StringComparison.Ordinal));
        using var client = new OgangiClient(_ogangi.Options());

        Assert.Equal("004211", (await client.SendPinAsync("13056708084", "Your PIN", "19893653744", 6)).Pin);
    }

    [Fact]
    public async Task Fire_message_get_sample_reads_although_it_names_activateCampaign()
    {
        using var client = new OgangiClient(_ogangi.Options());

        var answer = await client.FireMessageAsync("1200000001", "Test qa API fireMessage.");

        Assert.Equal("activateCampaign", answer.Input);
        Assert.Equal("OK", answer.Status);
    }

    [Fact]
    public async Task Fire_message_post_sample_reads_the_message_fired()
    {
        using var client = new OgangiClient(_ogangi.Options());

        var result = await client.FireMessageAsync(FireMessageDescriptor.Create("43", "Test qa API fireMessage.", "1200000001"));

        Assert.Equal("43", result.MtSent!.From);
        Assert.Equal("1200000001", result.MtSent.Mobilenumber);
        Assert.Equal("Test qa API fireMessage.", result.MtSent.Text);
    }

    [Fact]
    public async Task Mo_messages_sample_reads_the_page()
    {
        using var client = new OgangiClient(_ogangi.Options());

        var page = await client.GetMoMessagesAsync(1, 10, OgangiOperations.VendorExampleFilter);

        Assert.Equal(17, page.Records);
        var message = Assert.Single(page.Messages!);
        Assert.Equal("Test", message.Text);
        Assert.Equal("58123456789", message.From);
        Assert.Equal("19893143924", message.To);
        Assert.Equal("UTF-8", message.Encoding);
        Assert.Equal("^OGANGI.*", message.Keyword);
        Assert.Equal("Movistar", message.Carrier);
        Assert.Equal("2014-10-13 10:30:51.922", message.SendDate);
    }

    [Fact]
    public async Task Several_mo_messages_and_unknown_elements_are_all_kept()
    {
        var body = DocumentSamples.MoMessages.Replace("</MOMessageList>", """
              <MOMessage><text>Second</text><from>1</from><shortCode>43</shortCode></MOMessage>
              <nextPage>2</nextPage>
            </MOMessageList>
            """, StringComparison.Ordinal);
        _ogangi.Answer = _ => (200, "application/xml; charset=utf-8", body);
        using var client = new OgangiClient(_ogangi.Options());

        var page = await client.GetMoMessagesAsync(1, 10);

        Assert.Equal(["Test", "Second"], page.Messages!.Select(m => m.Text));
        Assert.Equal("43", page.Messages![1].AdditionalProperties["shortCode"]);
        Assert.Equal("2", page.AdditionalProperties["nextPage"]);
    }

    [Fact]
    public async Task Unknown_message_status_values_are_kept()
    {
        var body = DocumentSamples.SendSms.Replace("SENT_TO_CARRIER", "QUEUED_FOR_NIGHT", StringComparison.Ordinal);
        _ogangi.Answer = _ => (200, "application/xml", body);
        using var client = new OgangiClient(_ogangi.Options());

        var message = Assert.Single((await client.SendSmsAsync("13056708084", "hi", "19893653744")).Messages!);

        Assert.Equal("QUEUED_FOR_NIGHT", message.Status);
        Assert.Equal("QUEUED_FOR_NIGHT", message.DeliveryStatus.Value);
        Assert.False(message.DeliveryStatus.IsKnown);
    }

    [Theory]
    [InlineData("DELIVERED TO CARRIER")]
    [InlineData("DELIVRD")]
    [InlineData("BAD_CARRIER/FROM")]
    [InlineData("ACCEPTD")]
    public void Carrier_style_statuses_are_known(string value)
        => Assert.True(new OgangiMessageStatus(value).IsKnown);

    public static TheoryData<string> ContractExamples() => OgangiOperations.Ids();

    [Theory]
    [MemberData(nameof(ContractExamples))]
    public async Task Contract_response_example_is_the_documented_sample_and_reads(string operationId)
    {
        var operation = ContractDocument.Operation(operationId);
        var documented = operationId switch
        {
            "sendSms" => DocumentSamples.SendSms,
            "sendMt" or "sendMtWithFlags" => DocumentSamples.SendMt,
            "sendSmsPinMobileNumberConfirm" => DocumentSamples.SendPin,
            "fireMessage" => DocumentSamples.FireMessage,
            "fireMessageWithDescriptor" => DocumentSamples.FireMessagePost,
            "getMoMessages" => DocumentSamples.MoMessages,
            _ => throw new InvalidOperationException($"No documented sample for {operationId}: add one."),
        };
        Assert.Equal(WithoutLayout(documented), WithoutLayout(operation.ResponseExample));

        _ogangi.Answer = _ => (200, "application/xml", operation.ResponseExample);
        using var client = new OgangiClient(_ogangi.Options());
        await OgangiOperations.Calls[operationId](client);
    }

    private static string WithoutLayout(string xml) => Layout().Replace(xml.Trim(), "><");

    [GeneratedRegex(@">\s+<")]
    private static partial Regex Layout();
}
