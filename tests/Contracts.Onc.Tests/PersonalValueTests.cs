using System.Security;
using System.Text;
using Contracts.Core;
using Contracts.Core.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Contracts.Onc.Tests;

/// <summary>
/// A contact's phone numbers, e-mail address and texts are personal: a service or proxy that echoes the request in a
/// SOAP fault (HTTP 500, or a fault with 200) or in an answer that is not SOAP cannot carry them into the
/// OncException (its message, vendor message, ToString and inner exceptions), a batch's failure reason or the logs.
/// </summary>
public sealed class PersonalValueTests : FakeOncTests
{
    private const string Phone = "+15550123987";
    private const string Email = "jane.doe@example.com";
    private const string Text = "Your code is 771199";

    public enum Echo
    {
        /// <summary>A SOAP fault quoting the request, HTTP 500.</summary>
        FaultWith500,

        /// <summary>A SOAP fault quoting the request, HTTP 200.</summary>
        FaultWith200,

        /// <summary>A SOAP fault with WCF's generic reason, quoting the request in a service's exception detail, HTTP 500.</summary>
        FaultWithDetail,

        /// <summary>A 200 answer that is not SOAP, the request pasted into it.</summary>
        NotSoap,

        /// <summary>A 200 SOAP answer of the operation holding the request instead of its error code.</summary>
        RequestForCode,

        /// <summary>A 200 SOAP answer of the operation whose error code is the contact's phone number.</summary>
        NumberForCode,
    }

    [Theory]
    [InlineData(Echo.FaultWith500)]
    [InlineData(Echo.FaultWith200)]
    [InlineData(Echo.NotSoap)]
    [InlineData(Echo.RequestForCode)]
    [InlineData(Echo.NumberForCode)]
    public async Task An_echoed_contact_shows_masked_in_the_exception_and_the_logs(Echo echo)
    {
        var (logs, loggerFactory) = Logs();
        using var _ = loggerFactory;
        await using var client = new OncClient(Onc.Options(o => o.MaxRetries = 0), loggerFactory);
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        Onc.Handle = exchange => exchange.Operation == "AddCampaignContact" ? EchoAsync(exchange, echo) : Task.FromResult(false);

        var error = await Assert.ThrowsAnyAsync<VendorApiException>(() => client.AddCampaignContactAsync(Contact()).WaitAsync(Bound.Test));

        Assert.Contains(Onc.Server.Requests, r => r.BodyText.Contains(Phone, StringComparison.Ordinal)); // it was in what the server echoed
        AssertShowsMaskedOnly(error, LogText(logs));
        // The masked copy keeps what the verdict goes by: a fault stays a FaultException, and the service may have acted.
        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        if (echo is Echo.FaultWith500 or Echo.FaultWith200)
            Assert.IsType<System.ServiceModel.FaultException>(error.InnerException);
    }

    [Fact]
    public async Task A_fault_with_an_exception_detail_keeps_its_type_and_detail_with_the_contact_masked()
    {
        await using var client = new OncClient(Onc.Options(o => o.MaxRetries = 0));
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        Onc.Handle = exchange => exchange.Operation == "AddCampaignContact" ? EchoAsync(exchange, Echo.FaultWithDetail) : Task.FromResult(false);

        var error = await Assert.ThrowsAnyAsync<VendorApiException>(() => client.AddCampaignContactAsync(Contact()).WaitAsync(Bound.Test));

        // WCF reads a service's exception detail as FaultException<ExceptionDetail>; the masked copy is one too, with
        // the detail's type, code and stack as sent and its message masked, though the fault's reason quoted nothing.
        var fault = Assert.IsType<System.ServiceModel.FaultException<System.ServiceModel.ExceptionDetail>>(error.InnerException);
        Assert.Equal("System.ArgumentException", fault.Detail.Type);
        Assert.Equal("at Onc.Contacts.Add()", fault.Detail.StackTrace);
        Assert.Equal("Client", fault.Code.Name);
        Assert.StartsWith("Cannot process", fault.Detail.Message, StringComparison.Ordinal);
        Assert.Equal("System.FormatException", fault.Detail.InnerException.Type);
        Assert.StartsWith("Inner: Cannot process", fault.Detail.InnerException.Message, StringComparison.Ordinal);
        AssertShowsMaskedOnly(error, fault.Detail.Message + "\n" + fault.Detail.InnerException.Message + "\n" + fault.Detail);
    }

    [Fact]
    public async Task A_fault_detail_stays_typed_when_a_text_of_the_contact_is_a_word_of_the_details_own_markup()
    {
        await using var client = new OncClient(Onc.Options(o => o.MaxRetries = 0));
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        Onc.Handle = exchange => exchange.Operation == "AddCampaignContact" ? EchoAsync(exchange, Echo.FaultWithDetail) : Task.FromResult(false);
        var contact = Contact();
        // A one-word text that is also the name of a member of the detail: masking the detail's markup as text would
        // mask its element names and leave XML the serializer cannot read (an untyped exception, delivery unknown lost).
        contact.SMSCommInfo!.TextToSendOverwrite = "Message";

        var error = await Assert.ThrowsAnyAsync<VendorApiException>(() => client.AddCampaignContactAsync(contact).WaitAsync(Bound.Test));

        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        var fault = Assert.IsType<System.ServiceModel.FaultException<System.ServiceModel.ExceptionDetail>>(error.InnerException);
        Assert.Equal("System.ArgumentException", fault.Detail.Type);
        Assert.Equal("at Onc.Contacts.Add()", fault.Detail.StackTrace);
        Assert.DoesNotContain(Phone[1..], fault.Detail.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, fault.Detail.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Echo.FaultWith500)]
    [InlineData(Echo.NotSoap)]
    [InlineData(Echo.RequestForCode)]
    public async Task An_echoed_contact_shows_masked_in_a_batchs_failure(Echo echo)
    {
        var (logs, loggerFactory) = Logs();
        using var _ = loggerFactory;
        await using var client = new OncClient(Onc.Options(o => o.MaxRetries = 0), loggerFactory);
        Onc.Handle = exchange => exchange.Operation == "AddCampaignContact" ? EchoAsync(exchange, echo) : Task.FromResult(false);

        var report = await client.AddCampaignContactsAsync([Contact()]).WaitAsync(Bound.Test);

        var failure = Assert.Single(report.Unknown).Failure;
        AssertShowsMaskedOnly(failure.Exception!, failure.Reason + "\n" + LogText(logs));
    }

    [Fact]
    public async Task An_echoed_campaign_shows_its_message_texts_masked_and_its_senders_shown()
    {
        var (logs, loggerFactory) = Logs();
        using var _ = loggerFactory;
        await using var client = new OncClient(Onc.Options(o => o.MaxRetries = 0), loggerFactory);
        await client.GetCampaignListingAsync().WaitAsync(Bound.Test);
        Onc.Handle = exchange => exchange.Operation == "AddCampaign" ? EchoAsync(exchange, Echo.FaultWith500) : Task.FromResult(false);
        var campaign = Samples.NewCampaign(Guid.NewGuid());
        campaign.OutboundSMSNotificationInfo!.TextToSend = Text;

        var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignAsync(campaign).WaitAsync(Bound.Test));

        AssertShowsMaskedOnly(error, LogText(logs));
        Assert.Contains(campaign.OutboundSMSNotificationInfo.FromNumber!, error.Message, StringComparison.Ordinal); // the account's own number
    }

    private static OutboundNotificationContactInfo Contact()
    {
        var contact = Samples.NewContact(Phone);
        contact.SMSCommInfo!.TextToSendOverwrite = Text;
        contact.EmailCommInfo = new CommunicationInfo { Destination = Email, StatusCode = CommunicationStatusCode.Pending };
        return contact;
    }

    private static async Task<bool> EchoAsync(Exchange exchange, Echo echo)
    {
        var quoted = $"Cannot process {SecurityElement.Escape(exchange.RequestBody)}";
        switch (echo)
        {
            case Echo.FaultWith500:
            case Echo.FaultWith200:
                await FakeOnc.AnswerAsync(exchange.Context, echo == Echo.FaultWith500 ? 500 : 200, $"<s:Fault><faultcode>s:Client</faultcode><faultstring xml:lang=\"en-US\">{quoted}</faultstring></s:Fault>");
                break;
            case Echo.FaultWithDetail:
                await FakeOnc.AnswerAsync(exchange.Context, 500, "<s:Fault><faultcode>s:Client</faultcode><faultstring xml:lang=\"en-US\">The server was unable to process the request.</faultstring><detail>"
                    + $"<ExceptionDetail xmlns=\"http://schemas.datacontract.org/2004/07/System.ServiceModel\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><HelpLink i:nil=\"true\"/>"
                    + $"<InnerException><HelpLink i:nil=\"true\"/><InnerException i:nil=\"true\"/><Message>Inner: {quoted}</Message><StackTrace i:nil=\"true\"/><Type>System.FormatException</Type></InnerException>"
                    + $"<Message>{quoted}</Message><StackTrace>at Onc.Contacts.Add()</StackTrace><Type>System.ArgumentException</Type></ExceptionDetail></detail></s:Fault>");
                break;
            case Echo.NotSoap:
                exchange.Context.Response.StatusCode = 200;
                exchange.Context.Response.ContentType = "text/plain";
                await exchange.Context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes($"echo: {exchange.RequestBody}"));
                break;
            case Echo.RequestForCode:
                await FakeOnc.AnswerAsync(exchange.Context, 200, $"<AddCampaignContactResponse xmlns=\"{OncContract.Tempuri}\"><Echo>{SecurityElement.Escape(exchange.RequestBody)}</Echo></AddCampaignContactResponse>");
                break;
            case Echo.NumberForCode:
                await FakeOnc.AnswerAsync(exchange.Context, 200, $"<AddCampaignContactResponse xmlns=\"{OncContract.Tempuri}\"><AddCampaignContactResult>{Phone}</AddCampaignContactResult></AddCampaignContactResponse>");
                break;
        }
        return true;
    }

    private static (FakeLogCollector Logs, ILoggerFactory Factory) Logs()
    {
        var logs = new FakeLogCollector();
        return (logs, LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs))));
    }

    private static string LogText(FakeLogCollector logs) => string.Join('\n', logs.GetSnapshot().Select(r => r.Message + " " + r.Exception));

    /// <summary>
    /// The echo shows masked in a text of the error (message, vendor message, raw body, ToString, every inner
    /// exception), and neither these nor <paramref name="more"/> hold a personal value, with or without its '+'.
    /// </summary>
    private static void AssertShowsMaskedOnly(Exception error, string more)
    {
        var texts = new List<string> { error.ToString(), more };
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            texts.Add(e.Message);
            if (e is VendorApiException { VendorMessage: { } vendorMessage })
                texts.Add(vendorMessage);
            if (e is UnreadableAnswerException { RawBody: { } rawBody })
                texts.Add(rawBody);
        }
        Assert.Contains(texts, text => text.Contains(SecretScrubber.Mask, StringComparison.Ordinal));
        foreach (var value in new[] { Phone, Phone[1..], Email, Text })
            Assert.All(texts, text => Assert.DoesNotContain(value, text, StringComparison.Ordinal));
    }
}
