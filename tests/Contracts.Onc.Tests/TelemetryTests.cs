using Contracts.Testing;

namespace Contracts.Onc.Tests;

/// <summary>
/// ONC over WCF is traced like the REST vendors: one "ONC batch" span over one span per AddCampaignContact on the
/// Contracts.Onc source, the session counted as a token acquisition; no password, session id or number anywhere.
/// </summary>
[Collection(nameof(ProcessWideListeners))]
public sealed class TelemetryTests : FakeOncTests
{
    [Fact]
    public async Task A_batch_of_contacts_is_a_batch_span_over_one_call_span_per_contact()
    {
        using var capture = new TelemetryCapture(source => source.Name == OncClient.ProductName, meter => meter.Name == OncClient.ProductName);
        var contacts = Enumerable.Range(0, 4).Select(i => Samples.NewContact($"+1555031{i:D2}")).ToList();

        await using (var client = new OncClient(Onc.Options(o => o.MaxConcurrency = 2)))
            await client.AddCampaignContactsAsync(contacts);

        var port = Onc.Server.BaseUrl.Port;
        var adds = capture.Activities.Where(a => a.GetTagItem("contracts.operation") is string op && op.Contains("AddCampaignContact", StringComparison.Ordinal) && a.GetTagItem("server.port") is int p && p == port).ToList();
        Assert.Equal(4, adds.Count);
        Assert.All(adds, a => Assert.StartsWith("ONC ", a.DisplayName, StringComparison.Ordinal));
        Assert.All(adds, a => Assert.Equal("success", a.GetTagItem("contracts.outcome")));
        var batch = Assert.Single(capture.Activities, a => a.SpanId == adds[0].ParentSpanId);
        Assert.Equal("ONC batch", batch.DisplayName);
        Assert.Equal(4L, batch.GetTagItem("contracts.batch.accepted"));
        Assert.Contains(capture.Of("contracts.client.token.acquisitions"), m => (string?)m.Tag("contracts.vendor") == "ONC" && (string?)m.Tag("contracts.result") == "success");

        capture.AssertNoneContains([FakeOnc.Password, .. Onc.IssuedSessions, .. contacts.Select(c => c.SMSCommInfo!.Destination!)]);
    }

    /// <summary>
    /// A listener attached while a call waits for its session (an application that starts tracing after its first
    /// calls, a session login that takes seconds) sees that call's span, so the span must carry the verdict the caller
    /// gets: the service's error code, not the HTTP 200 that carried it.
    /// </summary>
    [Fact]
    public async Task A_listener_attached_while_the_call_waits_for_its_session_sees_the_calls_verdict()
    {
        TelemetryCapture? capture = null;
        Onc.Handle = exchange =>
        {
            if (exchange.Operation == "OpenAPISession")
                capture ??= new TelemetryCapture(source => source.Name == OncClient.ProductName, meter => false);
            return Task.FromResult(false);
        };
        Onc.AddContactCode = _ => 17;
        try
        {
            await using var client = new OncClient(Onc.Options());

            var error = await Assert.ThrowsAsync<OncException>(() => client.AddCampaignContactAsync(Samples.NewContact("+15550153")));

            Assert.Equal(17, error.Code);
            var port = Onc.Server.BaseUrl.Port;
            var add = Assert.Single(capture!.Activities, a => a.GetTagItem("contracts.operation") is "AddCampaignContact" && a.GetTagItem("server.port") is int p && p == port);
            Assert.Equal("17", add.GetTagItem("contracts.vendor.error_code"));
            Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, add.Status);
        }
        finally
        {
            capture?.Dispose();
        }
    }
}
