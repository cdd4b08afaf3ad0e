using Contracts.Core;

namespace Contracts.Ogangi.Tests;

/// <summary>Refusals and unreadable answers become clear exceptions, whatever the HTTP status.</summary>
public sealed class ErrorTests : IAsyncLifetime
{
    private FakeOgangi _ogangi = null!;

    public async Task InitializeAsync() => _ogangi = await FakeOgangi.StartAsync();

    public async Task DisposeAsync() => await _ogangi.DisposeAsync();

    [Theory]
    [InlineData(200)]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Bad_signature_is_distinguishable_whatever_the_http_status(int httpStatus)
    {
        _ogangi.Answer = _ => (httpStatus, "application/xml", DocumentSamples.Refusal("sendSMS", "BAD_SIGNATURE", DocumentSamples.BadSignatureDescription));
        using var client = new OgangiClient(_ogangi.Options());

        var error = await Assert.ThrowsAsync<OgangiException>(() => client.SendSmsAsync("13056708084", "hi", "19893653744"));

        Assert.Equal(OgangiStatus.BadSignature, error.Status);
        Assert.True(error.IsBadSignature);
        Assert.Equal("BAD_SIGNATURE", error.ErrorCode);
        Assert.Equal(DocumentSamples.BadSignatureDescription, error.VendorMessage);
        Assert.Equal(httpStatus, error.StatusCode);
        Assert.Equal("sendSMS", error.Method);
        Assert.Equal("Ogangi", error.Vendor);
        Assert.Equal($"Ogangi: sendSMS was refused: Invalid signature, access denied (HTTP {httpStatus}, error code BAD_SIGNATURE)", error.Message);
    }

    [Theory]
    [InlineData("sendSMS")]
    [InlineData("sendMT")]
    public async Task A_refusal_that_echoes_the_number_or_the_text_shows_neither(string method)
    {
        // A vendor having a bad day quotes what it was sent: the exception's text reaches logs and traces.
        _ogangi.Answer = _ => (200, "application/xml", DocumentSamples.Refusal(method, "ERROR", "Number 13056708084 cannot receive PIN 4711 now"));
        using var client = new OgangiClient(_ogangi.Options());

        var error = await Assert.ThrowsAsync<OgangiException>(() => method == "sendSMS"
            ? client.SendSmsAsync("13056708084", "PIN 4711", "19893653744")
            : client.SendMtAsync("13056708084", "PIN 4711", "19893653744"));

        Assert.DoesNotContain("13056708084", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PIN 4711", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Internal_error_carries_status_and_description()
    {
        _ogangi.Answer = _ => (500, "application/xml", DocumentSamples.Refusal("getMOMessages", "ERROR", DocumentSamples.ErrorDescription));
        using var client = new OgangiClient(_ogangi.Options(o => o.MaxRetries = 0));

        var error = await Assert.ThrowsAsync<OgangiException>(() => client.GetMoMessagesAsync(1, 10));

        Assert.Equal(OgangiStatus.Error, error.Status);
        Assert.False(error.IsBadSignature);
        Assert.Equal(DocumentSamples.ErrorDescription, error.VendorMessage);
        Assert.Equal(500, error.StatusCode);
        Assert.IsAssignableFrom<VendorApiException>(error);
    }

    [Fact]
    public async Task Unknown_status_is_kept_as_text()
    {
        _ogangi.Answer = _ => (200, "application/xml", DocumentSamples.Refusal("sendMT", "QUOTA_EXCEEDED", "No credit left"));
        using var client = new OgangiClient(_ogangi.Options());

        var error = await Assert.ThrowsAsync<OgangiException>(() => client.SendMtAsync("13056708084", "hi", "19893653744"));

        Assert.Equal(OgangiStatus.Other, error.Status);
        Assert.Equal("QUOTA_EXCEEDED", error.ErrorCode);
        Assert.Equal("No credit left", error.VendorMessage);
    }

    public static TheoryData<int, string, string, string> Unreadable() => new()
    {
        { 502, "text/html", $"<!DOCTYPE html><html><body>Bad gateway for {EchoedUrl}</body></html>", "an HTML page (text/html)" },
        { 200, "text/html; charset=utf-8", $"<html><body>Login required: {EchoedUrl}</body></html>", "an HTML page (text/html; charset=utf-8)" },
        { 200, "application/xml", "<!DOCTYPE html><html><body>Proxy</body></html>", "an HTML page (application/xml)" },
        { 200, "application/xml", $"<response><status>OK</status><description>{EchoedUrl}", "malformed XML" },
        { 404, "application/xhtml+xml", $"<html><body>{EchoedUrl} not found</body></html>", "an HTML page" },
        { 200, "application/xml", "<result><pin>1</pin></result>", "XML whose root is <result>" },
        { 200, "application/xml", "<response><input>sendSMS</input></response>", "a <response> without <status>" },
        { 200, "application/xml", "", "an empty body" },
        { 500, "text/plain", "", "an empty body" },
    };

    private const string EchoedUrl = "/mmc/rest/api/tools/sendSMS/8/null/x/y/z/examplePublicKey/0123456789abcdef";

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task Unreadable_answer_is_a_clear_exception_with_the_http_status_and_no_body(int httpStatus, string contentType, string body, string expected)
    {
        _ogangi.Answer = _ => (httpStatus, contentType, body);
        using var client = new OgangiClient(_ogangi.Options(o => o.MaxRetries = 0));

        var error = await Assert.ThrowsAsync<OgangiException>(() => client.SendSmsAsync("13056708084", "hi", "19893653744"));

        Assert.Equal(OgangiStatus.Unreadable, error.Status);
        Assert.Equal(httpStatus, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.StartsWith($"Ogangi: sendSMS answered {expected}", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"instead of Ogangi's XML response (HTTP {httpStatus})", error.Message, StringComparison.Ordinal);
        var text = error.ToString();
        Assert.DoesNotContain(FakeOgangi.PublicKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeOgangi.PrivateKey, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ogangi_xml_labelled_text_html_is_still_read()
    {
        _ogangi.Answer = _ => (200, "text/html;charset=ISO-8859-1", DocumentSamples.SendMt);
        using var client = new OgangiClient(_ogangi.Options());

        Assert.Equal("OK", (await client.SendMtAsync("13056708084", "hi", "19893653744")).Status);
    }

    [Fact]
    public async Task Answer_with_a_dtd_is_refused_without_expanding_it()
    {
        const string bomb = """<?xml version="1.0"?><!DOCTYPE response [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><response><status>OK</status><description>&b;</description></response>""";
        _ogangi.Answer = _ => (200, "application/xml", bomb);
        using var client = new OgangiClient(_ogangi.Options());

        var error = await Assert.ThrowsAsync<OgangiException>(() => client.SendMtAsync("13056708084", "hi", "19893653744"));

        Assert.Equal(OgangiStatus.Unreadable, error.Status);
        Assert.Contains("malformed XML (a document type declaration, which is not processed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generated_operation_error_reads_the_envelope_too()
    {
        _ogangi.Answer = _ => (403, "application/xml", DocumentSamples.Refusal("sendMT", "BAD_SIGNATURE", DocumentSamples.BadSignatureDescription));
        using var client = new OgangiClient(_ogangi.Options());

        var error = await Assert.ThrowsAsync<OgangiException>(() => client.SendMtAsync(8, "1", "null", "1", "aGk="));

        Assert.True(error.IsBadSignature);
        Assert.Null(error.Method);
        Assert.Equal("Ogangi: the call was refused: Invalid signature, access denied (HTTP 403, error code BAD_SIGNATURE)", error.Message);
    }
}
