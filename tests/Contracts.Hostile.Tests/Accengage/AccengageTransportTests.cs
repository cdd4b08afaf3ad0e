using System.Diagnostics;
using System.Text.Json;
using Contracts.Accengage;
using Contracts.Core;
using Contracts.Hostile.Tests.Infrastructure;

namespace Contracts.Hostile.Tests.Accengage;

/// <summary>Accengage against answers that stall, trickle, never end, reset, throttle or echo secrets.</summary>
public sealed class AccengageTransportTests : AccengageHost
{
    public static TheoryData<string> StallKinds => StallingAnswers.Kinds;

    private static Func<HostileRequest, HostileExchange, Task> Stall(string kind) => StallingAnswers.For(kind);

    [Theory]
    [MemberData(nameof(StallKinds))]
    public async Task A_send_answer_that_never_completes_times_out_with_delivery_unknown(string kind)
    {
        SendScript = Stall(kind);
        using var client = Client();
        var clock = Stopwatch.StartNew();

        var failure = await Guarantees.FailsWithin(() => Send(client));

        // An endless body on loopback can outrun the deadline: the size limit then ends it, as typed and as unknown.
        var error = kind == "endless" && failure is ResponseTooLargeException
            ? (VendorTransportException)failure
            : Assert.IsType<VendorTimeoutException>(failure);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Equal(DeliveryState.Unknown, error.Delivery);
        Assert.Single(SendRequests);
        Guarantees.NoSecretIn(error, Secrets());
    }

    [Theory]
    [MemberData(nameof(StallKinds))]
    public async Task A_list_answer_that_never_completes_times_out(string kind)
    {
        ListScript = Stall(kind);
        using var client = Client();

        var failure = await Guarantees.FailsWithin(() => List(client));

        if (kind == "endless" && failure is ResponseTooLargeException)
            return;
        Assert.Equal(TimeSpan.FromSeconds(2), Assert.IsType<VendorTimeoutException>(failure).Timeout);
    }

    [Theory]
    [MemberData(nameof(StallKinds))]
    public async Task A_token_answer_that_never_completes_fails_the_call_unsent(string kind)
    {
        TokenScript = Stall(kind);
        using var client = Client();

        var failure = await Guarantees.FailsWithin(() => Send(client));

        Assert.True(failure is AccessTokenException or VendorTransportException, failure.ToString());
        Assert.Equal(DeliveryState.NotSent, ((VendorApiException)failure).Delivery);
        Assert.Empty(SendRequests);
        Guarantees.NoSecretIn(failure, Secrets());
    }

    [Fact]
    public async Task A_reset_on_every_connection_fails_typed_and_sends_nothing()
    {
        Server.ResetOnAccept = 100;
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => Send(client));

        Assert.True(error is AccessTokenException or VendorTransportException, error.ToString());
        Assert.Equal(DeliveryState.NotSent, ((VendorApiException)error).Delivery);
        Assert.Empty(Server.Requests);
        Guarantees.NoSecretIn(error, ApiKey);
    }

    [Fact]
    public async Task A_reset_before_the_send_is_read_is_a_transport_error_and_the_send_is_not_recorded()
    {
        TokenScript = (_, exchange) =>
        {
            Server.ResetOnAccept = 100;
            return exchange.RespondAsync(200, TokenAnswer(), headers: [("Connection", "close")]);
        };
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => Send(client));

        var transport = Assert.IsType<VendorTransportException>(error);
        Assert.NotEqual(DeliveryState.Refused, transport.Delivery);
        Assert.Empty(SendRequests);
        Guarantees.NoSecretIn(error, Secrets());
    }

    [Fact]
    public async Task A_reset_after_the_send_was_read_is_unknown_delivery_and_never_resent()
    {
        SendScript = (_, exchange) =>
        {
            exchange.Reset();
            return Task.CompletedTask;
        };
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => Send(client));

        var transport = Assert.IsType<VendorTransportException>(error);
        Assert.Equal(DeliveryState.Unknown, transport.Delivery);
        await Task.Delay(200);
        Assert.Single(SendRequests);
        Guarantees.NoSecretIn(error, Secrets());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("1")]
    public async Task A_429_on_a_send_is_retried_with_the_same_body(string? retryAfter)
    {
        SendScript = (_, exchange) => SendRequests.Count == 1
            ? exchange.RespondAsync(429, """{"errors":[{"label":"API_ERR_RATE","message":"slow down"}]}""", headers: retryAfter is null ? null : [("Retry-After", retryAfter)])
            : exchange.RespondAsync(200);
        using var client = Client(o => o.Timeout = TimeSpan.FromSeconds(25));

        await Send(client).WaitAsync(Guarantees.Patience);

        var sends = SendRequests;
        Assert.Equal(2, sends.Count);
        Assert.Equal(sends[0].BodyText, sends[1].BodyText);
    }

    [Theory]
    [InlineData(503, null)]
    [InlineData(503, "0")]
    [InlineData(504, null)]
    [InlineData(504, "0")]
    public async Task A_503_or_504_on_a_send_is_not_retried_and_delivery_is_unknown(int status, string? retryAfter)
    {
        SendScript = (_, exchange) => exchange.RespondAsync(status, """{"errors":[{"label":"API_ERR_SERVER","message":"busy"}]}""", headers: retryAfter is null ? null : [("Retry-After", retryAfter)]);
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => Send(client));

        var vendor = Assert.IsAssignableFrom<VendorApiException>(error);
        Assert.Equal(status, vendor.StatusCode);
        Assert.Equal(DeliveryState.Unknown, vendor.Delivery);
        await Task.Delay(200);
        Assert.Single(SendRequests);
    }

    [Theory]
    [InlineData(503, null)]
    [InlineData(503, "0")]
    [InlineData(504, null)]
    public async Task A_503_or_504_on_an_idempotent_list_is_retried(int status, string? retryAfter)
    {
        ListScript = (_, exchange) => ListRequests.Count == 1
            ? exchange.RespondAsync(status, "{}", headers: retryAfter is null ? null : [("Retry-After", retryAfter)])
            : exchange.RespondAsync(200, """{"campaigns":[{"id":7}]}""");
        using var client = Client();

        var list = await client.ListCampaignsAsync(PartnerId).WaitAsync(Guarantees.Patience);

        Assert.Equal(7, Assert.Single(list.Campaigns!).Id);
        Assert.Equal(2, ListRequests.Count);
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(429, false)]
    [InlineData(503, false)]
    public async Task A_retry_after_longer_than_the_time_left_fails_at_once(int status, bool send)
    {
        SendScript = (_, exchange) => exchange.RespondAsync(status, "{}", headers: [("Retry-After", "120")]);
        ListScript = SendScript;
        using var client = Client(o => o.Timeout = TimeSpan.FromSeconds(25));
        var clock = Stopwatch.StartNew();

        var error = await Guarantees.ThrowsWithin<RetryAfterTooLongException>(() => send ? Send(client) : List(client));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed} of a 25 s timeout");
        Assert.Equal(1, Server.Count(r => r.Path != TokenPath));
    }

    [Fact]
    public async Task A_token_endpoint_that_stalls_once_fails_the_call_unsent_and_the_next_call_succeeds()
    {
        TokenScript = (_, exchange) => TokenRequests.Count == 1 ? exchange.NeverAnswerAsync() : exchange.RespondAsync(200, TokenAnswer());
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => Send(client));

        Assert.True(error is AccessTokenException or VendorTimeoutException, error.ToString());
        Assert.Equal(DeliveryState.NotSent, ((VendorApiException)error).Delivery);
        Assert.Empty(SendRequests);

        await Send(client).WaitAsync(Guarantees.Patience);

        Assert.Equal(2, TokenRequests.Count);
        Assert.Single(SendRequests);
    }

    [Fact]
    public async Task A_batch_over_a_token_endpoint_that_stalls_once_reports_unsent_items_not_attempted_never_rejected()
    {
        TokenScript = (_, exchange) => TokenRequests.Count == 1 ? exchange.NeverAnswerAsync() : exchange.RespondAsync(200, TokenAnswer());
        using var client = Client(o => o.MaxConcurrency = 1);
        var targets = Enumerable.Range(0, 250).Select(i => new Target { DeviceId = $"udid-{i:D3}" }).ToList();

        var report = await client.SendInstantMessageToAllAsync(new MessageData { ParentMessageId = 1 }, targets, keepAcceptedTargets: true).WaitAsync(Guarantees.Patience);

        Assert.Equal(0, report.RejectedCount);
        Assert.Equal(250, report.TotalCount);
        var sent = SendRequests.SelectMany(r => targets.Where(t => r.BodyText.Contains($"\"{t.DeviceId}\"", StringComparison.Ordinal))).ToHashSet();
        var notAttempted = report.NotAttempted.Select(f => f.Item).ToHashSet();
        Assert.All(targets.Where(t => !sent.Contains(t)), t => Assert.Contains(t, notAttempted));
        Assert.True(report.NotAttemptedCount > 0, report.ToString());
        Assert.Equal(sent.Count, report.AcceptedCount);
    }

    [Fact]
    public async Task An_error_that_echoes_the_send_request_leaks_no_key_token_or_signature()
    {
        SendScript = (request, exchange) => exchange.RespondAsync(
            400,
            JsonSerializer.Serialize(new { errors = new[] { new { label = "API_ERR_DATA", message = Guarantees.Echo(request) } } }),
            headers:
            [
                ("X-Echo-Authorization", request.Header("Authorization") ?? ""),
                ("X-Echo-Signature", request.Header("Accengage-Signature") ?? ""),
            ]);
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => Send(client));

        Assert.IsAssignableFrom<AccengageException>(error);
        Assert.NotEmpty(Signatures);
        Guarantees.NoSecretIn(error, Secrets());
    }

    [Fact]
    public async Task An_error_that_echoes_the_token_request_leaks_no_key_or_signature()
    {
        TokenScript = (request, exchange) => exchange.RespondAsync(
            400,
            JsonSerializer.Serialize(new { errors = new[] { new { label = "API_ERR_SIGNATURE", message = Guarantees.Echo(request) } } }),
            headers: [("X-Echo-Signature", request.Header("Accengage-Signature") ?? "")]);
        using var client = Client();

        var error = await Guarantees.FailsWithin(() => Send(client));

        Assert.Empty(SendRequests);
        Guarantees.NoSecretIn(error, Secrets());
    }
}
