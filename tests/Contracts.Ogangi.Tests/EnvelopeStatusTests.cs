using Microsoft.Extensions.Options;

namespace Contracts.Ogangi.Tests;

/// <summary>
/// The generated status mapping decides on the wire what the hand-written one did: only <c>OK</c>, its surrounding
/// spaces trimmed, is success; lower case, an empty or absent status is a refusal whatever the HTTP status.
/// </summary>
public sealed class EnvelopeStatusTests : IAsyncLifetime
{
    private FakeOgangi _ogangi = null!;

    public async Task InitializeAsync() => _ogangi = await FakeOgangi.StartAsync();

    public async Task DisposeAsync() => await _ogangi.DisposeAsync();

    [Theory]
    [InlineData("OK")]
    [InlineData("  OK\n ")]
    public async Task Ok_with_or_without_spaces_is_success(string status)
    {
        var body = DocumentSamples.SendSms.Replace("<status>OK</status>", $"<status>{status}</status>", StringComparison.Ordinal);
        _ogangi.Answer = _ => (200, "application/xml", body);
        using var client = new OgangiClient(_ogangi.Options());

        Assert.NotNull(await client.SendSmsAsync("13056708084", "hi", "19893653744"));

        Assert.Single(_ogangi.Server.Requests);
    }

    [Theory]
    [InlineData("ok", OgangiStatus.Other)]
    [InlineData(" Ok ", OgangiStatus.Other)]
    [InlineData("O K", OgangiStatus.Other)]
    [InlineData("", OgangiStatus.Other)]
    [InlineData(null, OgangiStatus.Unreadable)]
    public async Task Any_other_status_or_none_is_a_refusal(string? status, OgangiStatus expected)
    {
        // The document's own success answer, its status changed or gone: only the status makes it a refusal.
        var body = DocumentSamples.SendSms.Replace("<status>OK</status>", status is null ? "" : $"<status>{status}</status>", StringComparison.Ordinal);
        Assert.NotEqual(DocumentSamples.SendSms, body);
        _ogangi.Answer = _ => (200, "application/xml", body);
        using var client = new OgangiClient(_ogangi.Options());

        var error = await Assert.ThrowsAsync<OgangiException>(() => client.SendSmsAsync("13056708084", "hi", "19893653744"));

        Assert.Equal((expected, 200), (error.Status, error.StatusCode));
    }

    [Fact]
    public void A_missing_base_url_fails_at_construction_naming_the_option_before_any_call()
    {
        var options = _ogangi.Options(o => o.BaseUrl = null);

        var error = Assert.Throws<OptionsValidationException>(() => new OgangiClient(options));

        Assert.Contains("OgangiClientOptions.BaseUrl is required", error.Message, StringComparison.Ordinal);
        Assert.Empty(_ogangi.Server.Requests);
    }
}
