namespace Contracts.Ogangi.Tests;

/// <summary>
/// Answers a faulty or hostile server may give, read as the contract and the SDK's guarantees say: secrets echoed in
/// the URL's own escaping stay masked, a refusal is never success (a repeated status, a foreign root, an HTTP 200
/// refusal to a generated operation), a valid answer after blank lines is read, and unknown elements are all kept.
/// </summary>
public sealed class HostileAnswerTests : IAsyncLifetime
{
    // A Base64-looking public key: '+' and '/' are percent-encoded by the contract's escaping, '=' is kept as written.
    private const string Base64PublicKey = "pk+Ab/cd==";

    private FakeOgangi _ogangi = null!;

    public async Task InitializeAsync() => _ogangi = await FakeOgangi.StartAsync();

    public async Task DisposeAsync() => await _ogangi.DisposeAsync();

    /// <summary>
    /// The public key is a secret of every request (OgangiSigning's remarks, FillSigned's docs, OgangiClientOptions.Secrets):
    /// an answer echoing the signed URL must not carry it into the exception. The URL holds it in the contract's own
    /// escaping (<c>pk%2BAb%2Fcd==</c>), which is neither the raw form nor Uri.EscapeDataString's (<c>...%3D%3D</c>).
    /// </summary>
    [Fact]
    public async Task public_key_echoed_as_written_in_the_url_is_masked()
    {
        using var client = new OgangiClient(_ogangi.Options(o => { o.PublicKey = Base64PublicKey; o.MaxRetries = 0; }), transport: null);
        _ogangi.Answer = call => (200, "application/xml", $"<response><status>ERROR</status><description>Unknown key in {call.Request.Path}</description></response>");

        var error = await Assert.ThrowsAsync<OgangiException>(() => client.SendMtAsync("13056708084", "hello", "19893653744"));

        var asWritten = Assert.Single(_ogangi.Calls).RawParameters.Count > 0 ? _ogangi.Calls[0].Request.Path : "";
        Assert.Contains("pk%2BAb%2Fcd==", asWritten, StringComparison.Ordinal); // the key as the URL carries it
        var text = error.ToString() + error.Message + error.VendorMessage + string.Join(",", error.Data.Values.Cast<object>());
        Assert.DoesNotContain("pk%2BAb%2Fcd==", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Success is a positive signal: an answer holding both <c>ERROR</c> and <c>OK</c> statuses is not one. main read
    /// the first &lt;status&gt; (ERROR); the generated reader keeps the last one.
    /// </summary>
    [Fact]
    public async Task answer_with_error_status_then_ok_status_is_not_success()
    {
        using var client = new OgangiClient(_ogangi.Options(o => o.MaxRetries = 0), transport: null);
        _ogangi.Answer = _ => (200, "application/xml",
            "<response><input>sendMT</input><status>ERROR</status><description>Insufficient credit</description><status>OK</status></response>");

        await Assert.ThrowsAsync<OgangiException>(() => client.SendMtAsync("13056708084", "hello", "19893653744"));
    }

    /// <summary>
    /// A wrong-root answer is not success: main required the root <c>response</c> with no namespace; XmlAnswer compares
    /// only the local name, so another vocabulary's &lt;response&gt; whose status says OK is read as Ogangi's OK.
    /// </summary>
    [Fact]
    public async Task response_root_in_another_namespace_is_not_read_as_ogangi_answer()
    {
        using var client = new OgangiClient(_ogangi.Options(o => o.MaxRetries = 0), transport: null);
        _ogangi.Answer = _ => (200, "application/xml",
            "<p:response xmlns:p=\"urn:some-proxy\"><p:status>OK</p:status></p:response>");

        await Assert.ThrowsAsync<OgangiException>(() => client.SendMtAsync("13056708084", "hello", "19893653744"));
    }

    /// <summary>
    /// An answer is empty only when it is: XmlAnswer.Load looks at the first 64 bytes alone, so a valid answer after 64
    /// bytes of blank lines (a JSP page's leading newlines) is refused as "an empty body" although Ogangi sent the SMS
    /// (main read the whole body).
    /// </summary>
    [Fact]
    public async Task answer_after_leading_blank_lines_is_read()
    {
        using var client = new OgangiClient(_ogangi.Options(o => o.MaxRetries = 0), transport: null);
        _ogangi.Answer = _ => (200, "application/xml", new string('\n', 70) + DocumentSamples.SendMt);

        var answer = await client.SendMtAsync("13056708084", "hello", "19893653744");

        Assert.Equal("OK", answer.Status?.Trim());
    }

    /// <summary>
    /// XmlAnswer.Keep promises that nothing the vendor sends is dropped silently; a repeated element the contract does
    /// not name keeps only its last occurrence.
    /// </summary>
    [Fact]
    public async Task repeated_unknown_elements_are_all_kept()
    {
        using var client = new OgangiClient(_ogangi.Options(o => o.MaxRetries = 0), transport: null);
        _ogangi.Answer = _ => (200, "application/xml",
            "<response><input>sendMT</input><status>OK</status><description>Completed</description><warning>first</warning><warning>second</warning></response>");

        var answer = await client.SendMtAsync("13056708084", "hello", "19893653744");

        var kept = string.Join('|', answer.AdditionalProperties.Values.Select(v => v.ToString()));
        Assert.Contains("first", kept, StringComparison.Ordinal);
        Assert.Contains("second", kept, StringComparison.Ordinal);
    }

    /// <summary>
    /// Success is a positive signal from the vendor (the guarantees every call keeps). The contract's operations
    /// are public on IOgangiClient now; Ogangi refuses in the body of an HTTP 200, and the generated operation hands the
    /// refusal back as its answer instead of throwing OgangiException as the friendly methods do.
    /// </summary>
    [Fact]
    public async Task public_generated_operation_throws_on_a_refusal_in_an_http_200()
    {
        using var client = new OgangiClient(_ogangi.Options(o => o.MaxRetries = 0), transport: null);
        _ogangi.Answer = call => (200, "application/xml", DocumentSamples.Refusal(call.Method!, "BAD_SIGNATURE", DocumentSamples.BadSignatureDescription));
        IOgangiClient api = client;

        var refused = await Assert.ThrowsAsync<OgangiException>(() => api.SendMtAsync(FakeOgangi.InstanceId, "19893653744", "carrier", "13056708084", "aGVsbG8"));

        Assert.True(refused.IsBadSignature);
        Assert.Equal(200, refused.StatusCode);
    }
}
