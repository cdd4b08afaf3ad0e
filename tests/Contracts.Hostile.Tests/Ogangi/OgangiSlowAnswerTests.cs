using System.Diagnostics;
using Contracts.Core;
using Contracts.Hostile.Tests.Infrastructure;

namespace Contracts.Hostile.Tests.Ogangi;

/// <summary>The whole call is bounded by Timeout, whatever the server does after reading the request.</summary>
public sealed class OgangiSlowAnswerTests
{
    // Generous: the machines are shared and noisy; what matters is that the call ends near its deadline, not never.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(8);

    [Fact]
    public Task Headers_then_silence_times_out_with_delivery_unknown()
        => AssertTimesOutAsync(exchange => exchange.SendHeadersThenSilenceAsync(200, 4096, "application/xml"));

    [Fact]
    public Task Chunked_headers_then_silence_times_out_with_delivery_unknown()
        => AssertTimesOutAsync(exchange => exchange.SendHeadersThenSilenceAsync(200, null, "application/xml"));

    [Fact]
    public Task Silence_times_out_with_delivery_unknown()
        => AssertTimesOutAsync(exchange => exchange.SilenceAsync());

    [Fact]
    public Task Endless_trickle_times_out_with_delivery_unknown()
        => AssertTimesOutAsync(exchange => exchange.TrickleAsync(200, "<a>"u8.ToArray(), TimeSpan.FromMilliseconds(50), contentType: "application/xml"));

    [Fact]
    public Task Declared_trickle_longer_than_the_timeout_times_out_with_delivery_unknown()
        => AssertTimesOutAsync(exchange => exchange.TrickleAsync(200, "<a>"u8.ToArray(), TimeSpan.FromMilliseconds(100), contentLength: 3_000, contentType: "application/xml"));

    [Fact]
    public async Task Endless_body_ends_within_the_timeout_and_is_never_re_sent()
    {
        await using var server = await HostileServer.StartAsync();
        server.Respond((_, exchange) => exchange.EndlessBodyAsync(200, "application/xml"));
        using var client = OgangiHostile.Client(server);

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAnyAsync<VendorTransportException>(() => OgangiHostile.SendSmsAsync(client)).WaitAsync(TimeSpan.FromSeconds(30));
        watch.Stop();

        Assert.True(error is VendorTimeoutException or ResponseTooLargeException, error.ToString());
        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        Assert.True(watch.Elapsed < OgangiHostile.Timeout + Slack, $"took {watch.Elapsed}");
        Assert.Equal(1, server.Count(OgangiHostile.IsSendSms));
    }

    [Fact]
    public async Task Endless_body_with_a_large_limit_times_out()
    {
        await using var server = await HostileServer.StartAsync();
        server.Respond((_, exchange) => exchange.TrickleAsync(200, new byte[8 * 1024], TimeSpan.FromMilliseconds(5), contentType: "application/xml"));
        using var client = OgangiHostile.Client(server, o => o.MaxResponseBytes = 64L * 1024 * 1024);

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<VendorTimeoutException>(() => OgangiHostile.SendSmsAsync(client)).WaitAsync(TimeSpan.FromSeconds(30));
        watch.Stop();

        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        Assert.True(watch.Elapsed < OgangiHostile.Timeout + Slack, $"took {watch.Elapsed}");
        Assert.Equal(1, server.Count(OgangiHostile.IsSendSms));
    }

    private static async Task AssertTimesOutAsync(Func<HostileExchange, Task> script)
    {
        await using var server = await HostileServer.StartAsync();
        server.Respond((_, exchange) => script(exchange));
        using var client = OgangiHostile.Client(server);

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<VendorTimeoutException>(() => OgangiHostile.SendSmsAsync(client)).WaitAsync(TimeSpan.FromSeconds(30));
        watch.Stop();

        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        Assert.True(watch.Elapsed >= OgangiHostile.Timeout - TimeSpan.FromMilliseconds(100), $"gave up early, after {watch.Elapsed}");
        Assert.True(watch.Elapsed < OgangiHostile.Timeout + Slack, $"took {watch.Elapsed}, Timeout {OgangiHostile.Timeout}");
        Assert.Equal(1, server.Count(OgangiHostile.IsSendSms));
    }
}
