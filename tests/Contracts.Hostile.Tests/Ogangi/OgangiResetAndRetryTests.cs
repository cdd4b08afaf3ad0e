using Contracts.Core;
using Contracts.Hostile.Tests.Infrastructure;

namespace Contracts.Hostile.Tests.Ogangi;

/// <summary>
/// sendSMS is not idempotent (x-idempotent: false): once the server has read it, nothing re-sends it, neither the
/// SDK's retries nor HttpClient's replay on a reused connection. Only 429 (not acted on) is retried; getMOMessages is.
/// </summary>
public sealed class OgangiResetAndRetryTests
{
    [Fact]
    public async Task Reset_after_reading_the_sms_is_a_transport_failure_and_it_is_never_re_sent()
    {
        await using var server = await HostileServer.StartAsync();
        server.Respond((_, exchange) =>
        {
            exchange.Reset();
            return Task.CompletedTask;
        });
        using var client = OgangiHostile.Client(server, o => o.MaxRetries = 3);

        var error = await Assert.ThrowsAnyAsync<VendorTransportException>(() => OgangiHostile.SendSmsAsync(client));

        Assert.IsNotType<VendorTimeoutException>(error);
        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        await Task.Delay(200);
        Assert.Equal(1, server.Count(OgangiHostile.IsSendSms));
    }

    [Fact]
    public async Task Close_after_reading_a_second_sms_on_a_kept_alive_connection_is_not_replayed()
    {
        await using var server = await HostileServer.StartAsync();
        var seen = 0;
        server.Respond((_, exchange) =>
        {
            if (Interlocked.Increment(ref seen) == 1)
                return exchange.RespondAsync(200, OgangiHostile.SendSmsOk, "application/xml");
            exchange.Close();
            return Task.CompletedTask;
        });
        using var client = OgangiHostile.Client(server, o => o.MaxRetries = 3);

        await OgangiHostile.SendSmsAsync(client);
        var error = await Assert.ThrowsAnyAsync<VendorTransportException>(() => OgangiHostile.SendSmsAsync(client));

        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        await Task.Delay(200);
        Assert.True(server.Count(OgangiHostile.IsSendSms) == 2, $"the server saw {string.Join("; ", server.Requests.Select(r => $"#{r.ArrivalIndex} {(OgangiHostile.IsSendSms(r) ? "sendSMS" : "getMOMessages")} on connection {r.ConnectionId} (Retry-Attempt: {r.Header("Retry-Attempt") ?? "none"}, Connection: {r.Header("Connection") ?? "none"})"))}; the client threw {error}");
    }

    [Fact]
    public async Task Close_after_reading_a_sms_that_follows_an_idempotent_call_on_the_same_connection_is_not_replayed()
    {
        await using var server = await HostileServer.StartAsync();
        server.Respond((request, exchange) =>
        {
            if (OgangiHostile.IsGetMo(request))
                return exchange.RespondAsync(200, OgangiHostile.MoMessagesOk, "application/xml");
            exchange.Close();
            return Task.CompletedTask;
        });
        using var client = OgangiHostile.Client(server, o => o.MaxRetries = 3);

        await client.GetMoMessagesAsync(1, 10);
        var error = await Assert.ThrowsAnyAsync<VendorTransportException>(() => OgangiHostile.SendSmsAsync(client));

        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        await Task.Delay(200);
        Assert.True(server.Count(OgangiHostile.IsSendSms) == 1, $"the server saw {string.Join("; ", server.Requests.Select(r => $"#{r.ArrivalIndex} {(OgangiHostile.IsSendSms(r) ? "sendSMS" : "getMOMessages")} on connection {r.ConnectionId} (Retry-Attempt: {r.Header("Retry-Attempt") ?? "none"}, Connection: {r.Header("Connection") ?? "none"})"))}; the client threw {error}");
    }

    [Fact]
    public async Task Too_many_requests_on_sendSMS_is_retried()
    {
        await using var server = await HostileServer.StartAsync();
        var seen = 0;
        server.Respond((_, exchange) => Interlocked.Increment(ref seen) == 1
            ? exchange.RespondAsync(429, "<html>slow down</html>", "text/html")
            : exchange.RespondAsync(200, OgangiHostile.SendSmsOk, "application/xml"));
        using var client = OgangiHostile.Client(server);

        var result = await OgangiHostile.SendSmsAsync(client);

        Assert.NotNull(result);
        Assert.Equal(2, server.Count(OgangiHostile.IsSendSms));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Unavailable_on_sendSMS_is_not_retried_and_delivery_is_unknown(int status)
    {
        await using var server = await HostileServer.StartAsync();
        server.Respond((_, exchange) => exchange.RespondAsync(status, "<html>busy</html>", "text/html"));
        using var client = OgangiHostile.Client(server, o => o.MaxRetries = 3);

        var error = await Assert.ThrowsAnyAsync<VendorApiException>(() => OgangiHostile.SendSmsAsync(client));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        await Task.Delay(200);
        Assert.Equal(1, server.Count(OgangiHostile.IsSendSms));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Unavailable_on_getMOMessages_is_retried(int status)
    {
        await using var server = await HostileServer.StartAsync();
        var seen = 0;
        server.Respond((_, exchange) => Interlocked.Increment(ref seen) == 1
            ? exchange.RespondAsync(status, "<html>busy</html>", "text/html")
            : exchange.RespondAsync(200, OgangiHostile.MoMessagesOk, "application/xml"));
        using var client = OgangiHostile.Client(server);

        var list = await client.GetMoMessagesAsync(1, 10);

        Assert.NotNull(list);
        Assert.Equal(2, server.Count(OgangiHostile.IsGetMo));
    }
}
