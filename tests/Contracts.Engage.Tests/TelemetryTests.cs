using Contracts.Testing;

namespace Contracts.Engage.Tests;

/// <summary>
/// A push as operators see it: one "ENGAGE batch" span over one "ENGAGE pushBatch" span per chunk, on the
/// Contracts.Engage source and meter, with the token request counted there too; no secret, token or number anywhere.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private FakeEngage _engage = null!;

    public async Task InitializeAsync() => _engage = await FakeEngage.StartAsync();

    public async Task DisposeAsync() => await _engage.DisposeAsync();

    [Fact]
    public async Task A_push_is_a_batch_span_over_one_call_span_per_chunk_with_the_item_counts()
    {
        using var capture = new TelemetryCapture(source => source.Name == EngageClient.ProductName, meter => meter.Name == EngageClient.ProductName);
        var destinations = Samples.Numbered(25).ToList();

        using (var client = new EngageClient(_engage.Options(o => { o.BatchSize = 10; o.MaxConcurrency = 2; })))
        {
            await foreach (var _ in client.PushInChunksAsync(EngagePush.FromANumberGroup(Samples.Program, Samples.Group), destinations))
            {
            }
        }

        // Other tests share the source: this test's spans are those that went to its own server.
        var port = _engage.Server.BaseUrl.Port;
        var pushes = capture.Activities.Where(a => a.DisplayName == "ENGAGE pushBatch" && a.GetTagItem("server.port") is int p && p == port).ToList();
        Assert.Equal(3, pushes.Count);
        var batch = Assert.Single(capture.Activities, a => a.SpanId == pushes[0].ParentSpanId);
        Assert.Equal("ENGAGE batch", batch.DisplayName);
        Assert.All(pushes, push => Assert.Equal(batch.SpanId, push.ParentSpanId));
        Assert.All(pushes, push => Assert.Equal("federated/outbound/v2/batch", push.GetTagItem("url.template")));
        Assert.All(pushes, push => Assert.Equal("success", push.GetTagItem("contracts.outcome")));
        Assert.Equal(25L, batch.GetTagItem("contracts.batch.accepted"));
        Assert.Equal(0L, batch.GetTagItem("contracts.batch.unknown"));
        Assert.Contains(capture.Activities, a => a.DisplayName == "ENGAGE getToken" && a.TraceId == batch.TraceId);
        Assert.Contains(capture.Of("contracts.client.token.acquisitions"), m => (string?)m.Tag("contracts.vendor") == "ENGAGE" && (string?)m.Tag("contracts.result") == "success");
        Assert.Contains(capture.Of("contracts.client.batch.items"), m => (string?)m.Tag("contracts.vendor") == "ENGAGE" && (string?)m.Tag("contracts.outcome") == "accepted");

        capture.AssertNoneContains([FakeEngage.ClientSecret, .. _engage.IssuedTokens, .. destinations.Select(d => d.BNumber!)]);
    }
}
